using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

[TestClass]
public sealed class ToolOutputWarningsTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "newtonsoft-aot.ilc-output.txt");
    private static string ILLinkFixture => Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "newtonsoft-trimmed.illink-output.txt");

    private static readonly ProjectAssets NewtonsoftAssets = new(
        [new AssetsPackage("Newtonsoft.Json", "13.0.3", ["lib/net6.0/Newtonsoft.Json.dll"])], [], []);

    [TestMethod]
    public void Reads_the_per_package_warnings_ILC_printed_in_a_real_publish()
    {
        var warnings = ToolOutputWarnings.Read(Fixture, AnalysisWarning.Ilc);

        Assert.AreEqual(2, warnings.Count, string.Join("\n", warnings));
        Assert.AreEqual(("IL2104", "Newtonsoft.Json", AnalysisWarning.Ilc), (warnings[0].Code, warnings[0].Assembly, warnings[0].Tool));
        StringAssert.StartsWith(warnings[0].Message, "Assembly 'Newtonsoft.Json' produced trim warnings.");
        Assert.AreEqual(("IL3053", "Newtonsoft.Json"), (warnings[1].Code, warnings[1].Assembly));
        Assert.IsNull(warnings[0].Location, "the origin is the package's .dll, not a place in the app's source");
    }

    [TestMethod]
    public void Each_warning_about_a_package_names_the_package_and_version_from_the_assets()
    {
        var warnings = AnalysisWarningSources.Read("", Fixture, "", NewtonsoftAssets);

        Assert.AreEqual(2, warnings.Count);
        Assert.IsTrue(warnings.Items.All(w => w is { Package: "Newtonsoft.Json", PackageVersion: "13.0.3" }), string.Join("\n", warnings.Items));
        StringAssert.Contains(warnings.Source, "ILC (newtonsoft-aot.ilc-output.txt)");
    }

    [TestMethod]
    public void A_warning_ILC_repeats_for_the_apps_own_code_counts_once_and_other_lines_are_not_warnings()
    {
        using var temp = new TempFolder();
        var sarif = temp.File("log.sarif", System.Text.Encoding.UTF8.GetBytes("""
            {"version":"2.1.0","runs":[{"results":[
              {"ruleId":"IL2026","level":"warning","message":{"text":"Using member 'Load'"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///src/Program.cs"},"region":{"startLine":7}}}]}
            ]}]}
            """));
        var output = temp.File("app.ilc-output.txt", System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
            "# ilc output, kept by Slim",
            "/src/Program.cs(7,1): Trim analysis warning IL2026: Program.<Main>$(String[]): Using member 'Load'",
            "ILC: AOT analysis warning IL3050: Lib.Make(): Using member 'MakeGenericType'",
            "/src/Program.cs(9): warning CS0168: not an analysis warning",
            "Generating native code")));

        var warnings = AnalysisWarningSources.Read(sarif, output, "", ProjectAssets.Empty);

        CollectionAssert.AreEqual(new[] { "analyzer IL2026 Program.cs:7", "ILC IL3050 " },
            warnings.Items.Select(w => $"{w.Tool} {w.Code} {w.Location}").ToArray());
        Assert.IsNull(warnings.Items[1].Assembly);
    }

    [TestMethod]
    public void No_kept_output_means_no_ILC_warnings_and_the_source_says_so()
    {
        Assert.AreEqual(0, ToolOutputWarnings.Read("/nonexistent.ilc-output.txt", AnalysisWarning.Ilc).Count);
        StringAssert.Contains(AnalysisWarningSources.Read("", "/nonexistent.ilc-output.txt", "", ProjectAssets.Empty).Source, "ILC (no output kept)");
        StringAssert.Contains(AnalysisWarningSources.Read("", "", "/nonexistent.illink-output.txt", ProjectAssets.Empty).Source, "ILLink (no output kept)");
    }

    [TestMethod]
    public void Reads_the_app_and_package_warnings_ILLink_printed_in_a_real_trimmed_publish()
    {
        var warnings = ToolOutputWarnings.Read(ILLinkFixture, AnalysisWarning.ILLink);

        CollectionAssert.AreEqual(new[] { "ILLink IL2057 Program.cs:3 ", "ILLink IL2104  Newtonsoft.Json" },
            warnings.Select(w => $"{w.Tool} {w.Code} {w.Location} {w.Assembly}").ToArray());
        StringAssert.StartsWith(warnings[0].Message, "Program.<Main>$(String[]): Unrecognized value passed");
    }

    [TestMethod]
    public void ILLink_s_warnings_count_with_the_analyzers_once_each_and_name_their_package()
    {
        using var temp = new TempFolder();
        // The analyzers saw the same IL2057 at column 9 of the line ILLink names at column 1.
        var sarif = temp.File("log.sarif", System.Text.Encoding.UTF8.GetBytes("""
            {"version":"2.1.0","runs":[{"results":[
              {"ruleId":"IL2057","level":"warning","message":{"text":"Unrecognized value passed to the parameter 'typeName'"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///tmp/illx/app/Program.cs"},"region":{"startLine":3,"startColumn":9}}}]}
            ]}]}
            """));

        var warnings = AnalysisWarningSources.Read(sarif, "", ILLinkFixture, NewtonsoftAssets);

        CollectionAssert.AreEqual(new[] { "analyzer IL2057 -", "ILLink IL2104 Newtonsoft.Json 13.0.3" },
            warnings.Items.Select(w => $"{w.Tool} {w.Code} {w.Package ?? "-"} {w.PackageVersion}".TrimEnd()).ToArray());
        StringAssert.Contains(warnings.Source, "ILLink (newtonsoft-trimmed.illink-output.txt)");
        StringAssert.DoesNotMatch(warnings.Source, new System.Text.RegularExpressions.Regex("ILC"));
    }
}
