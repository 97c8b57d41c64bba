using System.Text.RegularExpressions;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A trimmed console app that uses Newtonsoft.Json: ILLink's IL2104 for the package is logged exactly as without
/// Slim (Slim no longer stands between ILLink and its host), the report says ILLink's warnings are not counted and
/// names the gate, and with that gate (SlimAnalysisWarningsAsErrors=true) the same publish fails on ILLink's own
/// errors before any image is made. The app sorts strings, so globalization stays on and it prints what it did.
/// </summary>
[TestClass]
public sealed class TrimmedWarningsTests
{
    [TestMethod]
    public void ILLink_s_warnings_are_logged_as_without_Slim_and_the_gate_turns_them_into_errors()
    {
        var app = TestApp.Console("TrimmedWarnings", SlimForm.PackageReference, "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>",
            """<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />""",
            """Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new[] { "b", "a", "B", "A" }.OrderBy(w => w)));""");

        var first = app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        StringAssert.Matches(first.Output, new Regex(@"Newtonsoft\.Json\.dll ?: warning IL2104"), "ILLink's own warning is logged as without Slim");
        // OrderBy on strings is culture-aware: Slim keeps globalization on (invariant mode would print ["A","B","a","b"]).
        Assert.AreEqual("[\"a\",\"A\",\"b\",\"B\"]", ProcessRunner.Run(Path.Combine(first.PublishDirectory, app.Name), [], first.PublishDirectory).Output.Trim());
        StringAssert.Contains(first.Output, "SLIM1017", "the notice names the sort that kept globalization on");
        var source = Files.Json(Path.Combine(first.SlimDirectory, "report.json")).GetProperty("analysisWarnings").GetProperty("source").GetString();
        StringAssert.Contains(source, "ILLink's warnings are in the build log only");
        StringAssert.Contains(source, "SlimAnalysisWarningsAsErrors=true");

        // A clean publish: with nothing changed but a property, ILLink is up to date (with or without Slim).
        Directory.Delete(Path.Combine(app.Directory, "bin"), recursive: true);
        Directory.Delete(Path.Combine(app.Directory, "obj"), recursive: true);
        var gated = app.Publish("-p:SlimAnalysisWarningsAsErrors=true");
        Assert.AreNotEqual(0, gated.ExitCode, gated.Describe());
        StringAssert.Matches(gated.Output, new Regex(@"error IL2\d{3}"), "ILLink's warnings became errors");
        Assert.IsFalse(Directory.Exists(gated.SlimDirectory) && File.Exists(Path.Combine(gated.SlimDirectory, "image.tar")), "no image after a failed gate");
    }
}
