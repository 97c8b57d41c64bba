using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;

namespace Slim.Build.Tasks.Tests.Budgets;

[TestClass]
public sealed class BudgetEvaluatorTests
{
    private static readonly PublishedFile[] Files =
    [
        new("App", 9_000_000, FileOrigin.App),
        new("libe_sqlite3.so", 1_500_000, FileOrigin.Package),
        new("libz.so", 700_000, FileOrigin.Package),
        new("appsettings.json", 120, FileOrigin.Content),
    ];

    private const long Total = 11_200_120;

    [TestMethod]
    public void Publish_budget_met_exactly_passes_and_one_byte_under_fails()
    {
        var met = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { MaxPublishSize = new ByteSize(Total) }).Single();
        Assert.IsTrue(met.Passed, $"total {met.ActualBytes} within {met.LimitBytes}");

        var over = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { MaxPublishSize = new ByteSize(Total - 1) }).Single();
        Assert.IsFalse(over.Passed);
        Assert.AreEqual(Total, over.ActualBytes);
        CollectionAssert.AreEqual(new[] { "App", "libe_sqlite3.so", "libz.so" }, over.Largest.Select(f => f.Path).ToArray());
    }

    [TestMethod]
    public void Image_budgets_add_up_the_layers_and_name_the_largest()
    {
        var settings = BudgetSettings.None with { MaxImageSize = new ByteSize(3_000_000), MaxImageUnpackedSize = new ByteSize(9_000_000) };
        (string, long, long)[] layers = [("base: glibc", 1_400_000, 3_000_000), ("app", 1_700_000, 4_800_000)];

        var results = BudgetEvaluator.Evaluate(Files, settings, layers);

        var wire = results.Single(r => r.Kind == BudgetKind.Image);
        Assert.AreEqual(3_100_000, wire.ActualBytes);
        Assert.IsFalse(wire.Passed);
        Assert.AreEqual("app", wire.Largest[0].Path);
        Assert.IsTrue(results.Single(r => r.Kind == BudgetKind.ImageUnpacked).Passed);
        Assert.AreEqual(0, BudgetEvaluator.Evaluate(Files, settings).Count(r => r.Kind is BudgetKind.Image or BudgetKind.ImageUnpacked),
            "no image built, nothing to check");
    }

    [TestMethod]
    public void File_budget_reports_each_file_over_it()
    {
        var results = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { MaxFileSize = new ByteSize(1_000_000) });
        var failed = results.Where(r => !r.Passed).Select(r => r.Subject).ToArray();
        CollectionAssert.AreEqual(new[] { "App", "libe_sqlite3.so" }, failed);
    }

    [TestMethod]
    public void File_budget_that_holds_gives_one_passing_result()
    {
        var result = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { MaxFileSize = new ByteSize(10_000_000) }).Single();
        Assert.IsTrue(result.Passed);
        Assert.AreEqual("App", result.Subject);
    }

    [TestMethod]
    public void Pattern_budget_sums_the_matching_files()
    {
        var settings = BudgetSettings.None with { PatternBudgets = [new PatternBudget("**/*.so", new ByteSize(2_000_000))] };
        var result = BudgetEvaluator.Evaluate(Files, settings).Single();
        Assert.AreEqual(2_200_000, result.ActualBytes);
        Assert.IsFalse(result.Passed);
        Assert.AreEqual("**/*.so", result.Subject);
    }

    [TestMethod]
    public void Growth_is_measured_against_the_baseline()
    {
        var baseline = new Baseline("old/report.json", Total - 100_000);
        var ok = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { Baseline = baseline, MaxGrowth = new Growth(new ByteSize(100_000), null) }).Single();
        Assert.IsTrue(ok.Passed, $"grew {ok.ActualBytes}, allowed {ok.LimitBytes}");
        var tooMuch = BudgetEvaluator.Evaluate(Files, BudgetSettings.None with { Baseline = baseline, MaxGrowth = new Growth(null, 0.5m) }).Single();
        Assert.IsFalse(tooMuch.Passed, $"grew {tooMuch.ActualBytes}, allowed {tooMuch.LimitBytes}");
        Assert.AreEqual(100_000, tooMuch.ActualBytes);
    }

    [TestMethod]
    public void No_budgets_no_results() => Assert.AreEqual(0, BudgetEvaluator.Evaluate(Files, BudgetSettings.None).Count);
}
