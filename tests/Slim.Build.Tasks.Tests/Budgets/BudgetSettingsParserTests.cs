using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Budgets;

[TestClass]
public sealed class BudgetSettingsParserTests
{
    [TestMethod]
    public void Parses_every_budget()
    {
        using var temp = new TempFolder();
        var baseline = temp.File("report.json", System.Text.Encoding.UTF8.GetBytes("{\"totals\":{\"publishBytes\":1234}}"));
        var diagnostics = new RecordingDiagnostics();
        var settings = BudgetSettingsParser.Parse(new RawBudgets("16MB", "4MiB", [("**/*.so", "2MiB")], baseline, "5%"), diagnostics);
        Assert.IsFalse(diagnostics.HasErrors);
        Assert.AreEqual(16_000_000, settings.MaxPublishSize!.Value.Bytes);
        Assert.AreEqual(4 * 1024 * 1024, settings.MaxFileSize!.Value.Bytes);
        Assert.AreEqual(2 * 1024 * 1024, settings.PatternBudgets.Single().Max.Bytes);
        Assert.AreEqual(1234, settings.Baseline!.TotalBytes);
        Assert.AreEqual(5m, settings.MaxGrowth!.Percent);
    }

    [TestMethod]
    public void Each_bad_value_is_an_error_naming_the_property_and_quoting_the_value()
    {
        var diagnostics = new RecordingDiagnostics();
        BudgetSettingsParser.Parse(new RawBudgets("12XB", "-1MB", [("**/*.so", ""), ("*.dll", "lots")], "/nonexistent/report.json", "five"), diagnostics);
        var errors = diagnostics.Items.Where(i => i.Level == "error").ToList();
        Assert.AreEqual(6, errors.Count, string.Join("; ", errors.Select(e => e.Diagnostic)));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.InvalidSize && e.Args[0].Equals("SlimMaxPublishSize") && e.Args[1].Equals("12XB")));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.InvalidSize && e.Args[0].Equals("SlimMaxFileSize") && e.Args[1].Equals("-1MB")));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.BudgetWithoutMax && e.Args[0].Equals("**/*.so")));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.InvalidSize && e.Args[1].Equals("lots")));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.BaselineUnreadable && e.Args[0].Equals("/nonexistent/report.json")));
        Assert.IsTrue(errors.Any(e => e.Diagnostic == SlimDiagnostics.InvalidGrowth && e.Args[0].Equals("five")));
    }

    [TestMethod]
    public void A_baseline_that_is_not_a_report_is_refused()
    {
        using var temp = new TempFolder();
        var notReport = temp.File("report.json", System.Text.Encoding.UTF8.GetBytes("{\"something\":1}"));
        var diagnostics = new RecordingDiagnostics();
        BudgetSettingsParser.Parse(new RawBudgets("", "", [], notReport, "5%"), diagnostics);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.BaselineUnreadable }, diagnostics.Errors.ToArray());
    }

    [TestMethod]
    public void Empty_values_mean_no_budget()
    {
        var diagnostics = new RecordingDiagnostics();
        var settings = BudgetSettingsParser.Parse(new RawBudgets("", "", [], "", ""), diagnostics);
        Assert.IsFalse(diagnostics.HasErrors);
        Assert.IsNull(settings.MaxPublishSize);
        Assert.IsNull(settings.Baseline);
    }
}
