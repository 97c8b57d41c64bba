using Slim.Build.Tasks.Analysis;
using System.Text.Json;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

[TestClass]
public sealed class ReportTests
{
    private static SizeReport BuildSample(TempFolder temp, BudgetSettings budgets, IReadOnlyList<SwitchSetting>? switches = null, long? measuredPlain = null,
        string? notMeasured = null)
    {
        var publish = Path.Combine(temp.Path, "publish");
        temp.File("publish/App", 5000);
        temp.File("publish/wwwroot/site.css", 300);
        temp.File("publish/stale.txt", 10);
        var ledgers = new List<SizeLedger>
        {
            new(LedgerStep.Publish, [new("App", 5000, 5000, LedgerAction.Published, FileOrigin.App), new("wwwroot/site.css", 300, 300, LedgerAction.Published, FileOrigin.Content),
                            new("App.dbg", 9000, 9000, LedgerAction.Published, FileOrigin.App)]),
            new(LedgerStep.Symbols, [new("App.dbg", 9000, 0, LedgerAction.MovedToSymbols, FileOrigin.App)]),
            new(LedgerStep.Strip, []),
        };
        return ReportBuilder.Build(publish, ledgers, new ToolInfo("Slim", "1.0.0"), new ProjectInfo("App", "aot", "safe", "net10.0", "linux-x64"),
            switches ?? [new SwitchSetting("InvariantGlobalization", "true")], null, new AnalysisWarnings(0, [], "none"), budgets, measuredPlainPublish: measuredPlain,
            plainPublishNotMeasured: notMeasured);
    }

    [TestMethod]
    public void A_plain_publish_is_claimed_only_when_measured_or_when_no_switch_changed_the_output()
    {
        using var temp = new TempFolder();
        // InvariantGlobalization changes what ILC emits: the size before Slim's steps is not a plain publish.
        var unmeasured = BuildSample(temp, BudgetSettings.None);
        Assert.IsNull(unmeasured.Totals.PlainPublishBytes);
        Assert.IsFalse(unmeasured.Totals.PlainPublishMeasured);
        StringAssert.Contains(ConsoleSummary.Lines(unmeasured, "report.md")[0], "plain publish not measured");
        StringAssert.Contains(JsonSerializer.Serialize(unmeasured, ReportWriter.Json), "\"plainPublishBytes\": null");

        var measured = BuildSample(temp, BudgetSettings.None, measuredPlain: 15_123);
        Assert.AreEqual(15_123, measured.Totals.PlainPublishBytes);
        Assert.IsTrue(measured.Totals.PlainPublishMeasured);
        Assert.AreEqual(unmeasured.Totals.BeforeStepsBytes, measured.Totals.BeforeStepsBytes);

        // ILC's size map leaves the executable as it is: the ledger is a plain publish then.
        var sizeMapOnly = BuildSample(temp, BudgetSettings.None, [new SwitchSetting("IlcGenerateMstatFile", "true")]);
        Assert.AreEqual(sizeMapOnly.Totals.BeforeStepsBytes, sizeMapOnly.Totals.PlainPublishBytes);
        Assert.IsFalse(sizeMapOnly.Totals.PlainPublishMeasured);
    }

    [TestMethod]
    public void Says_why_the_plain_publish_was_not_measured_only_where_no_figure_stands()
    {
        using var temp = new TempFolder();
        const string why = "a CI build (CI=true), where SlimMeasurePlainPublish defaults to false; true measures it";
        var skipped = BuildSample(temp, BudgetSettings.None, notMeasured: why);
        Assert.IsNull(skipped.Totals.PlainPublishBytes);
        Assert.AreEqual(why, skipped.Totals.PlainPublishNotMeasured);
        StringAssert.Contains(ConsoleSummary.Lines(skipped, "report.md")[0], "plain publish not measured: " + why);
        StringAssert.Contains(MarkdownReport.Render(skipped), "not measured (" + why + ")");
        StringAssert.Contains(JsonSerializer.Serialize(skipped, ReportWriter.Json), "\"plainPublishNotMeasured\": \"a CI build (CI=true)");

        // A figure that stands (no switch changed the output) needs no excuse, and neither does a measured one.
        var standing = BuildSample(temp, BudgetSettings.None, [new SwitchSetting("IlcGenerateMstatFile", "true")], notMeasured: why);
        Assert.IsNotNull(standing.Totals.PlainPublishBytes);
        Assert.IsNull(standing.Totals.PlainPublishNotMeasured);
        Assert.IsNull(BuildSample(temp, BudgetSettings.None, measuredPlain: 15_123, notMeasured: why).Totals.PlainPublishNotMeasured);
    }

    [TestMethod]
    public void Measures_the_folder_with_origins_and_savings()
    {
        using var temp = new TempFolder();
        var report = BuildSample(temp, BudgetSettings.None);

        Assert.AreEqual(5310, report.Totals.PublishBytes);
        Assert.AreEqual(3, report.Totals.FileCount);
        // Plain = what the folder holds plus what the steps took out; stale.txt came in outside
        // ResolvedFileToPublish (as a Razor app's static web assets do) and counts too.
        Assert.AreEqual(5310 + report.Steps.Sum(s => s.BytesSaved), report.Totals.BeforeStepsBytes);
        Assert.IsTrue(report.Steps.Sum(s => s.BytesSaved) >= 9000);
        Assert.IsTrue(report.Totals.GzipBytes is > 0 and < 5310, $"gzip of zeros: {report.Totals.GzipBytes}");
        CollectionAssert.AreEqual(new[] { "App", "wwwroot/site.css", "stale.txt" }, report.Files.Select(f => f.Path).ToArray());
        CollectionAssert.AreEqual(new[] { FileOrigin.App, FileOrigin.Content, FileOrigin.Other }, report.Files.Select(f => f.Origin).ToArray());
        Assert.AreEqual(9000, report.Steps.Single(s => s.Name == LedgerStep.Symbols).BytesSaved);
        CollectionAssert.AreEqual(new[] { LedgerStep.Symbols, LedgerStep.Strip }, report.Steps.Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void Json_has_the_schema_ci_parses_and_reads_back()
    {
        using var temp = new TempFolder();
        var report = BuildSample(temp, BudgetSettings.None with { MaxPublishSize = new ByteSize(5000) });
        var output = Path.Combine(temp.Path, "slim");
        ReportWriter.Write(report, output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var root = json.RootElement;
        Assert.AreEqual(1, root.GetProperty("schemaVersion").GetInt32());
        foreach (var section in new[] { "files", "steps", "budgets", "checks", "switches", "analysisWarnings", "totals" })
            Assert.IsTrue(root.TryGetProperty(section, out _), $"report.json lacks {section}");
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("image").ValueKind);
        var budget = root.GetProperty("budgets")[0];
        Assert.IsFalse(budget.GetProperty("passed").GetBoolean());
        Assert.AreEqual(5310, budget.GetProperty("actualBytes").GetInt64());

        var back = ReportReader.Read(Path.Combine(output, "report.json"));
        Assert.AreEqual(report.Totals, back.Totals);
        Assert.IsFalse(back.Budgets.Single().Passed);
        Assert.AreEqual(new BaselineFigures(5310, report.Project.Name), BaselineReader.Read(Path.Combine(output, "report.json")));
    }

    [TestMethod]
    public void Json_keeps_the_words_ci_matches_on()
    {
        using var temp = new TempFolder();
        var report = BuildSample(temp, BudgetSettings.None with { MaxPublishSize = new ByteSize(5000) });
        var text = JsonSerializer.Serialize(report, ReportWriter.Json);
        foreach (var words in new[] { "\"name\": \"symbols\"", "\"name\": \"strip\"", "\"action\": \"moved-to-symbols\"",
                                      "\"origin\": \"app\"", "\"origin\": \"content\"", "\"origin\": \"other\"", "\"kind\": \"publish\"" })
            StringAssert.Contains(text, words);

        var back = JsonSerializer.Deserialize<SizeReport>(text, ReportWriter.Json)!;
        CollectionAssert.AreEqual(report.Steps.Select(s => s.Name).ToArray(), back.Steps.Select(s => s.Name).ToArray());
        CollectionAssert.AreEqual(report.Files.ToArray(), back.Files.ToArray());
        Assert.AreEqual(LedgerAction.MovedToSymbols, back.Steps[0].Files[0].Action);
    }

    [TestMethod]
    [DataRow(LedgerStep.Publish, "publish")]
    [DataRow(LedgerStep.Symbols, "symbols")]
    [DataRow(LedgerStep.Prune, "prune")]
    [DataRow(LedgerStep.Strip, "strip")]
    [DataRow(LedgerStep.Upx, "upx")]
    [DataRow(LedgerAction.Published, "published")]
    [DataRow(LedgerAction.MovedToSymbols, "moved-to-symbols")]
    [DataRow(LedgerAction.Pruned, "pruned")]
    [DataRow(LedgerAction.Stripped, "stripped")]
    [DataRow(LedgerAction.Packed, "packed")]
    [DataRow(LedgerAction.NotCompressible, "not-compressible")]
    [DataRow(LedgerAction.SmokeTestFailed, "smoke-test-failed")]
    [DataRow(FileOrigin.App, "app")]
    [DataRow(FileOrigin.Package, "package")]
    [DataRow(FileOrigin.Runtime, "runtime")]
    [DataRow(FileOrigin.Content, "content")]
    [DataRow(FileOrigin.Other, "other")]
    public void Each_value_keeps_its_report_json_word(object value, string word)
    {
        Assert.AreEqual($"\"{word}\"", JsonSerializer.Serialize(value, value.GetType(), ReportWriter.Json));
        Assert.AreEqual(value, JsonSerializer.Deserialize($"\"{word}\"", value.GetType(), ReportWriter.Json));
    }

    [TestMethod]
    public void Markdown_shows_totals_budgets_steps_and_switches()
    {
        using var temp = new TempFolder();
        var md = MarkdownReport.Render(BuildSample(temp, BudgetSettings.None with { MaxPublishSize = new ByteSize(5000) }));
        StringAssert.Contains(md, "| Publish folder (3 files) | 5,310 | 5.3 KB |");
        StringAssert.Contains(md, "| SlimMaxPublishSize | publish folder | 5 KB | 5.3 KB | **over** |");
        StringAssert.Contains(md, "| symbols | 1 | 9 KB |");
        StringAssert.Contains(md, "`InvariantGlobalization=true`");
    }

    [TestMethod]
    public void Console_summary_names_total_top_files_and_savings()
    {
        using var temp = new TempFolder();
        var lines = ConsoleSummary.Lines(BuildSample(temp, BudgetSettings.None), "/x/slim/report.md");
        StringAssert.Contains(lines[0], "5.3 KB (5,310 B)");
        StringAssert.Contains(lines[1], "App 5 KB");
        StringAssert.Contains(lines[2], "symbols 9 KB");
        Assert.AreEqual("Slim: report: /x/slim/report.md", lines[^1]);
    }
}
