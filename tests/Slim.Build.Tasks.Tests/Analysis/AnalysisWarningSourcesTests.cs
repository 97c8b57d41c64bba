using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

[TestClass]
public sealed class AnalysisWarningSourcesTests
{
    [TestMethod]
    public void The_source_says_the_trimming_tool_s_warnings_are_not_counted_and_names_the_gate()
    {
        var warnings = AnalysisWarningSources.Read("/nonexistent.sarif", "ILLink", toolWarningsAreErrors: false, ProjectAssets.Empty);
        Assert.AreEqual(0, warnings.Count);
        StringAssert.Contains(warnings.Source, "ILLink's warnings are in the build log only");
        StringAssert.Contains(warnings.Source, "SlimAnalysisWarningsAsErrors=true");
    }

    [TestMethod]
    public void With_the_gate_on_the_source_says_they_fail_the_build_and_without_a_trimming_tool_says_nothing_of_one()
    {
        StringAssert.Contains(AnalysisWarningSources.Read(null, "ILC", toolWarningsAreErrors: true, ProjectAssets.Empty).Source, "ILC's warnings fail the build");
        Assert.IsFalse(AnalysisWarningSources.Read(null, "", toolWarningsAreErrors: false, ProjectAssets.Empty).Source.Contains("build log", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Analyzer_warnings_are_counted_from_the_SARIF_log()
    {
        using var temp = new TempFolder();
        var sarif = temp.File("log.sarif", System.Text.Encoding.UTF8.GetBytes("""
        {"version":"2.1.0","runs":[{"results":[{"ruleId":"IL2026","level":"warning","message":{"text":"Using member 'Load'"}}]}]}
        """));
        var warnings = AnalysisWarningSources.Read(sarif, "ILC", false, ProjectAssets.Empty);
        Assert.AreEqual(1, warnings.Count);
        StringAssert.StartsWith(warnings.Source, "compiler analyzers (log.sarif)");
    }
}
