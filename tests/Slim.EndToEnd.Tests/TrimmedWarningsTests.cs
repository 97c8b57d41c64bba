using System.Text.RegularExpressions;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A trimmed console app that uses Newtonsoft.Json, published twice: ILLink's IL2104 for the package is logged as
/// without Slim, counted by the checklist with the package and version, and still counted when an unchanged
/// republish does not run ILLink; the app sorts strings, so globalization stays on and it prints what it printed before.
/// </summary>
[TestClass]
public sealed class TrimmedWarningsTests
{
    [TestMethod]
    public void The_warnings_ILLink_raises_for_a_package_are_counted_with_the_package_and_survive_a_republish()
    {
        var app = TestApp.Console("TrimmedWarnings", SlimForm.PackageReference, "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>",
            """<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />""",
            """Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new[] { "b", "a", "B", "A" }.OrderBy(w => w)));""");

        var first = app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        StringAssert.Matches(first.Output, new Regex(@"Newtonsoft\.Json\.dll ?: warning IL2104"), "ILLink's own warning is logged as without Slim");
        AssertCounted(first);
        // OrderBy on strings is culture-aware: Slim keeps globalization on (invariant mode would print ["A","B","a","b"]).
        Assert.AreEqual("[\"a\",\"A\",\"b\",\"B\"]", ProcessRunner.Run(Path.Combine(first.PublishDirectory, app.Name), [], first.PublishDirectory).Output.Trim());
        StringAssert.Contains(first.Output, "SLIM1017", "the notice names the sort that kept globalization on");

        var second = app.Publish();
        Assert.AreEqual(0, second.ExitCode, second.Describe());
        Assert.IsFalse(second.Output.Contains("Optimizing assemblies for size", StringComparison.Ordinal), "an unchanged publish trims nothing\n" + second.Output);
        AssertCounted(second);
    }

    private static void AssertCounted(PublishResult publish)
    {
        var report = Files.Json(Path.Combine(publish.SlimDirectory, "report.json"));
        var warnings = report.GetProperty("analysisWarnings");
        StringAssert.Contains(warnings.GetProperty("source").GetString(), "ILLink (TrimmedWarnings.illink-output.txt)");
        var il2104 = warnings.GetProperty("items").EnumerateArray()
            .Single(w => w.GetProperty("tool").GetString() == "ILLink" && w.GetProperty("code").GetString() == "IL2104");
        Assert.AreEqual(("Newtonsoft.Json", "13.0.3"), (il2104.GetProperty("package").GetString(), il2104.GetProperty("packageVersion").GetString()));

        var check = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "SLIM7016");
        Assert.AreEqual("warn", check.GetProperty("status").GetString(), check.ToString());
        var evidence = check.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.IsTrue(evidence.Any(e => e.StartsWith("ILLink IL2104 Newtonsoft.Json 13.0.3: Assembly 'Newtonsoft.Json' produced trim warnings", StringComparison.Ordinal)), string.Join("\n", evidence));
    }
}
