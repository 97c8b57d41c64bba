using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A Slim setting changed after a publish takes effect on the next one: the republish equals a clean
/// publish (same files, same image digest) without deleting bin/ and obj/.
/// </summary>
[TestClass]
public sealed class SettingChangeTests
{
    private const string NativeSource = "int slim_answer(void) { return 42; }\n";

    [TestMethod]
    public void A_strip_exclude_added_after_a_publish_takes_effect_on_the_next_one()
    {
        var app = TestApp.Console("StripExcludeLater", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>",
            """<None Include="native/libanswer.so" CopyToPublishDirectory="PreserveNewest" Link="libanswer.so" />""");
        var source = app.Write("native/answer.c", NativeSource);
        var library = Path.Combine(app.Directory, "native", "libanswer.so");
        var gcc = ProcessRunner.Run("gcc", ["-shared", "-fPIC", "-g", "-o", library, source], app.Directory);
        Assert.AreEqual(0, gcc.ExitCode, gcc.Output);
        var original = File.ReadAllBytes(library);

        var stripped = app.Publish();
        Assert.AreEqual(0, stripped.ExitCode, stripped.Describe());
        Assert.IsTrue(Files.Size(Path.Combine(stripped.PublishDirectory, "libanswer.so")) < original.Length, "the first publish did not strip");

        File.WriteAllText(app.ProjectFile, File.ReadAllText(app.ProjectFile)
            .Replace("</Project>", """<ItemGroup><SlimStripExclude Include="libanswer.so" /></ItemGroup></Project>"""));
        var excluded = app.Republish();

        Assert.AreEqual(0, excluded.ExitCode, excluded.Describe());
        CollectionAssert.AreEqual(original, File.ReadAllBytes(Path.Combine(excluded.PublishDirectory, "libanswer.so")),
            "SlimStripExclude added after a publish left the stripped library in the publish folder");
        var report = Files.Json(Path.Combine(excluded.SlimDirectory, "report.json"));
        var strip = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "strip");
        Assert.AreEqual(0, strip.GetProperty("bytesSaved").GetInt64(), "the report still counts the strip of an excluded file");
        var republishedDigest = report.GetProperty("image").GetProperty("digest").GetString();

        Directory.Delete(Path.Combine(app.Directory, "bin"), recursive: true);
        Directory.Delete(Path.Combine(app.Directory, "obj"), recursive: true);
        var clean = app.Publish();
        Assert.AreEqual(0, clean.ExitCode, clean.Describe());
        Assert.AreEqual(Files.Json(Path.Combine(clean.SlimDirectory, "report.json")).GetProperty("image").GetProperty("digest").GetString(), republishedDigest,
            "the republish after the setting changed is not the image a clean publish makes");
    }
}
