using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// Layers cache the way Jib's do: a trimmed app's image is base, runtime, app; a one-line code change
/// republishes a new app layer and the very same base and runtime layers, so a push re-uploads only the app.
/// </summary>
[TestClass]
public sealed class ImageLayerTests
{
    [TestMethod]
    public void A_code_change_changes_only_the_app_layer()
    {
        var app = TestApp.Console("LayeredApp", SlimForm.SdkStandalone, "<SlimProfile>trimmed</SlimProfile>", "",
            """Console.WriteLine("first");""");
        var first = app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        var before = Layers(first);
        var baseLayer = before.Keys.First();
        StringAssert.Matches(baseLayer, new System.Text.RegularExpressions.Regex(@"^base: glibc \(\d+ Debian 12 packages\)$"),
            "a trimmed hello world keeps no TLS or crypto assembly: its base needs no OpenSSL");
        CollectionAssert.AreEqual(new[] { baseLayer, "runtime", "app" }, before.Keys.ToArray(), "base, then what changes rarely, then the app");

        app.Write("Program.cs", """Console.WriteLine("second");""");
        var second = app.Publish();
        Assert.AreEqual(0, second.ExitCode, second.Describe());
        var after = Layers(second);

        Assert.AreEqual(before[baseLayer], after[baseLayer], "the base changed");
        Assert.AreEqual(before["runtime"], after["runtime"], "the runtime layer changed with a one-line code change");
        Assert.AreNotEqual(before["app"], after["app"], "the app layer did not change although the code did");
        Assert.AreEqual("second", ProcessRunner.Run(Path.Combine(second.PublishDirectory, "LayeredApp"), [], second.PublishDirectory).Output.Trim());
    }

    private static Dictionary<string, string> Layers(PublishResult publish) =>
        Files.Json(Path.Combine(publish.SlimDirectory, "report.json")).GetProperty("image").GetProperty("layers").EnumerateArray()
            .ToDictionary(l => l.GetProperty("holds").GetString()!, l => l.GetProperty("digest").GetString()!);
}
