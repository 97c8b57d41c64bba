using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
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
        var baseline = temp.File("report.json", System.Text.Encoding.UTF8.GetBytes("{\"project\":{\"name\":\"App\"},\"totals\":{\"publishBytes\":1234}}"));
        var diagnostics = new RecordingDiagnostics();
        var settings = BudgetSettingsParser.Parse(new RawBudgets("App", "16MB", "4MiB", [Budget("**/*.so", "2MiB")], baseline, "5%"), diagnostics);
        Assert.IsFalse(diagnostics.HasErrors);
        Assert.AreEqual(16_000_000, settings.MaxPublishSize!.Value.Bytes);
        Assert.AreEqual(4 * 1024 * 1024, settings.MaxFileSize!.Value.Bytes);
        Assert.AreEqual(2 * 1024 * 1024, settings.PatternBudgets.Single().Max.Bytes);
        Assert.AreEqual(1234, settings.Baseline!.TotalBytes);
        Assert.AreEqual(5m, settings.MaxGrowth!.Percent);
        Assert.AreEqual(0, diagnostics.Warnings.Count(), "the baseline is this project's own report");
    }

    [TestMethod]
    public void Growth_without_a_baseline_and_a_baseline_of_another_app_are_named()
    {
        using var temp = new TempFolder();
        var other = temp.File("report.json", System.Text.Encoding.UTF8.GetBytes("{\"project\":{\"name\":\"Other\"},\"totals\":{\"publishBytes\":1}}"));
        var diagnostics = new RecordingDiagnostics();
        BudgetSettingsParser.Parse(new RawBudgets("App", "", "", [], "", "5%"), diagnostics);
        BudgetSettingsParser.Parse(new RawBudgets("App", "", "", [], other, "5%"), diagnostics);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.MaxGrowthWithoutBaseline, SlimDiagnostics.BaselineFromOtherProject }, diagnostics.Warnings.ToArray());
    }

    [TestMethod]
    public void A_budget_without_max_names_the_metadata_it_has_instead()
    {
        var diagnostics = new RecordingDiagnostics();
        var misspelt = new PublishPattern("*.so", new Dictionary<string, string> { ["MaxSize"] = "2MB" });
        BudgetSettingsParser.Parse(new RawBudgets("App", "", "", [misspelt], "", ""), diagnostics);
        var error = diagnostics.Items.Single();
        Assert.AreEqual("BudgetWithoutMax", error.Diagnostic.ResourceName);
        StringAssert.Contains((string)error.Args[2], "MaxSize='2MB'");
    }

    [TestMethod]
    public void Each_bad_value_is_an_error_naming_the_property_and_quoting_the_value()
    {
        var diagnostics = new RecordingDiagnostics();
        BudgetSettingsParser.Parse(new RawBudgets("App", "12XB", "-1MB", [Budget("**/*.so", ""), Budget("*.dll", "lots")], "/nonexistent/report.json", "five"), diagnostics);
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
        BudgetSettingsParser.Parse(new RawBudgets("App", "", "", [], notReport, "5%"), diagnostics);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.BaselineUnreadable }, diagnostics.Errors.ToArray());
    }

    [TestMethod]
    public void Empty_values_mean_no_budget()
    {
        var diagnostics = new RecordingDiagnostics();
        var settings = BudgetSettingsParser.Parse(new RawBudgets("App", "", "", [], "", ""), diagnostics);
        Assert.IsFalse(diagnostics.HasErrors);
        Assert.IsNull(settings.MaxPublishSize);
        Assert.IsNull(settings.Baseline);
    }

    private static PublishPattern Budget(string pattern, string max) => new(pattern, new Dictionary<string, string> { ["Max"] = max });
}
