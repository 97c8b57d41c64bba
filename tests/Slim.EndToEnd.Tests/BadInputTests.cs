using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>Bad settings fail with a SLIM code that names the property and the value, and change nothing.</summary>
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public void PackageReference_form_with_an_aot_profile_but_no_PublishAot_fails_saying_what_to_add()
    {
        var app = TestApp.Console("Mismatch", SlimForm.PackageReference, "<SlimProfile>aot</SlimProfile>");
        var result = app.Publish();
        Assert.AreNotEqual(0, result.ExitCode, "a silent non-AOT publish");
        StringAssert.Contains(result.Output, "error SLIM1002");
        StringAssert.Contains(result.Output, "<PublishAot>true</PublishAot>");
        Assert.IsTrue(result.PublishDirectory == "" || !Directory.EnumerateFiles(result.PublishDirectory).Any(), "the failed publish wrote files");
    }

    [TestMethod]
    public void Unknown_profile_and_windows_runtime_identifier_are_refused()
    {
        var app = TestApp.Console("BadChoices", SlimForm.PackageReference);
        var unknown = app.Publish("-p:SlimProfile=tiny");
        Assert.AreNotEqual(0, unknown.ExitCode);
        StringAssert.Contains(unknown.Output, "error SLIM1003: SlimProfile is 'tiny'");

        var windows = app.Publish("-r", "win-x64");
        Assert.AreNotEqual(0, windows.ExitCode);
        StringAssert.Contains(windows.Output, "error SLIM1004: RuntimeIdentifier is 'win-x64'");
    }

    [TestMethod]
    public void A_class_library_that_references_slim_publishes_with_no_slim_work()
    {
        var app = TestApp.Library("SlimLibrary");
        var result = app.Publish("-p:SlimMaxPublishSize=1B");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.IsFalse(result.Output.Contains("SLIM"), result.Output);
        Assert.IsFalse(Directory.Exists(result.SlimDirectory), "a slim folder was written for a library");
    }

    [TestMethod]
    public void A_layer_cache_that_is_a_file_warns_naming_SlimLayerCacheDirectory_and_the_image_is_still_made()
    {
        var app = TestApp.Console("CacheIsAFile", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>");
        var notAFolder = app.Write("layers-file", "not a folder");

        var result = app.Publish($"-p:SlimLayerCacheDirectory={notAFolder}");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        StringAssert.Contains(result.Output, $"warning SLIM4046: SlimLayerCacheDirectory '{notAFolder}' cannot be written");
        Assert.IsFalse(result.Output.Contains("SLIM9001") || result.Output.Contains("SLIM3002"), result.Output);
        Assert.IsTrue(File.Exists(Path.Combine(result.SlimDirectory, "image.tar")), "no image was made");
        Assert.AreEqual("not a folder", File.ReadAllText(notAFolder));
    }
}
