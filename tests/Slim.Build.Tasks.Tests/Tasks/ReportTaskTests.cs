using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
[DoNotParallelize]
public sealed class ReportTaskTests
{
    [TestMethod]
    public void Writes_both_reports_prints_the_summary_and_appends_to_the_github_job_summary()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 4000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App", 4000, 4000, LedgerAction.Published, FileOrigin.App), new("App.dbg", 9000, 9000, LedgerAction.Published, FileOrigin.App)]).Save(ledgers);
        new SizeLedger(LedgerStep.Symbols, [new("App.dbg", 9000, 0, LedgerAction.MovedToSymbols, FileOrigin.App)]).Save(ledgers);
        var budgets = Path.Combine(temp.Path, "obj", "budgets.json");
        BudgetSettingsFile.Save(budgets, BudgetSettings.None with { MaxPublishSize = new ByteSize(3000) });
        var summary = temp.File("step-summary.md", "existing\n"u8.ToArray());
        var engine = new RecordingBuildEngine();
        var previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            var task = new SlimWriteReport
            {
                BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
                ReportDirectory = Path.Combine(temp.Path, "slim"), ProjectName = "App", Profile = "aot",
                StateDirectory = Path.Combine(temp.Path, "obj"), BudgetsFile = budgets,
            };
            Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
        }

        Assert.IsTrue(File.Exists(Path.Combine(temp.Path, "slim", "report.json")));
        var markdown = File.ReadAllText(Path.Combine(temp.Path, "slim", "report.md"));
        StringAssert.Contains(markdown, "| SlimMaxPublishSize | publish folder | 3 KB | 4 KB | **over** |");
        var appended = File.ReadAllText(summary);
        StringAssert.StartsWith(appended, "existing\n");
        StringAssert.Contains(appended, "## Slim size report: App");
        StringAssert.Contains(appended, "| SlimMaxPublishSize | publish folder | 3 KB | 4 KB | **over** |");
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.Contains("saved by step: symbols 9 KB")));
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.EndsWith("report.md (to look at: " + Path.Combine(temp.Path, "slim", "report.html") + ")")), "the page is not named");
        Assert.AreEqual(0, engine.Errors.Count, "the report only records budgets; SlimEnforceBudgets fails the build");
    }

    [TestMethod]
    public void Each_switch_is_one_entry_even_when_msbuild_hands_the_list_over_as_one_item()
    {
        // What a property rebuilt with .Replace in a target gave: the list escaped, so one item for all of it.
        using var temp = new TempFolder();
        temp.File("publish/App", 4000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App", 4000, 4000, LedgerAction.Published, FileOrigin.App)]).Save(ledgers);
        var engine = new RecordingBuildEngine();
        var task = new SlimWriteReport
        {
            BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
            ReportDirectory = Path.Combine(temp.Path, "slim"), StateDirectory = Path.Combine(temp.Path, "obj"),
            ProjectName = "App", Profile = "trimmed", BudgetsFile = Path.Combine(temp.Path, "obj", "budgets.json"),
            Switches = [new TaskItem(";EventSourceSupport=false;HttpActivityPropagationSupport=false;DebuggerSupport=false"), new TaskItem("SatelliteResourceLanguages=en")],
        };
        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "slim", "report.json")));
        var switches = json.RootElement.GetProperty("switches").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString() + "=" + s.GetProperty("value").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "EventSourceSupport=false", "HttpActivityPropagationSupport=false", "DebuggerSupport=false", "SatelliteResourceLanguages=en" }, switches);
        Assert.IsTrue(engine.Messages.Any(m => m.Message == "Slim: switches set: EventSourceSupport=false, HttpActivityPropagationSupport=false, DebuggerSupport=false, SatelliteResourceLanguages=en"),
            string.Join("\n", engine.Messages.Select(m => m.Message)));
    }

    [TestMethod]
    public void An_unchanged_publish_keeps_the_report_and_a_damaged_or_foreign_one_is_written_again()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 4000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App", 4000, 4000, LedgerAction.Published, FileOrigin.App)]).Save(ledgers);
        var json = Path.Combine(temp.Path, "slim", "report.json");
        SlimWriteReport Task(RecordingBuildEngine engine) => new()
        {
            BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
            ReportDirectory = Path.Combine(temp.Path, "slim"), StateDirectory = Path.Combine(temp.Path, "obj"),
            ProjectName = "App", Profile = "aot", BudgetsFile = Path.Combine(temp.Path, "obj", "budgets.json"),
        };
        Assert.IsTrue(Task(new RecordingBuildEngine()).Execute());
        var written = File.GetLastWriteTimeUtc(json);
        Thread.Sleep(20);

        var unchanged = new RecordingBuildEngine();
        Assert.IsTrue(Task(unchanged).Execute());
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(json), "an unchanged publish measured again");
        Assert.IsTrue(unchanged.Messages.Any(m => m.Message!.Contains("App (aot) publishes 1 file(s)")), "the summary must show on every publish");

        foreach (var damage in new[] { "", "{\"schemaVersion\":1}" })
        {
            File.WriteAllText(json, damage);
            var engine = new RecordingBuildEngine();
            Assert.IsTrue(Task(engine).Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
            StringAssert.Contains(File.ReadAllText(json), "\"publishBytes\": 4000", $"a report damaged to '{damage}' was trusted");
        }
    }

    [TestMethod]
    public void With_a_baseline_report_md_compares_per_origin_and_a_changed_baseline_or_a_deleted_page_is_written_again()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 4000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App", 4000, 4000, LedgerAction.Published, FileOrigin.App)]).Save(ledgers);
        var budgets = Path.Combine(temp.Path, "obj", "budgets.json");
        var slim = Path.Combine(temp.Path, "slim");
        SlimWriteReport Task() => new()
        {
            BuildEngine = new RecordingBuildEngine(), PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
            ReportDirectory = slim, StateDirectory = Path.Combine(temp.Path, "obj"), ProjectName = "App", Profile = "aot", BudgetsFile = budgets,
        };
        Assert.IsTrue(Task().Execute());
        var baseline = Path.Combine(temp.Path, "baseline.json");
        File.Copy(Path.Combine(slim, "report.json"), baseline);
        BudgetSettingsFile.Save(budgets, BudgetSettings.None with { Baseline = new Baseline(baseline, 4000) });
        temp.File("publish/App", 5500);

        Assert.IsTrue(Task().Execute());

        var markdown = File.ReadAllText(Path.Combine(slim, "report.md"));
        StringAssert.Contains(markdown, "| app | 4 KB | 5.5 KB | **+1.5 KB (+1,500 B)** |");
        StringAssert.Contains(File.ReadAllText(Path.Combine(slim, "report.html")), "\"baselinePath\":");

        // The file list and the attribution (which the comparison prefers when both reports have it) both change.
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("\"size\": 4000", "\"size\": 5000").Replace("\"bytes\": 4000", "\"bytes\": 5000"));
        Assert.IsTrue(Task().Execute());
        StringAssert.Contains(File.ReadAllText(Path.Combine(slim, "report.md")), "| app | 5 KB | 5.5 KB | **+500 B** |", "a changed baseline was not read again");

        File.Delete(Path.Combine(slim, "report.html"));
        Assert.IsTrue(Task().Execute());
        Assert.IsTrue(File.Exists(Path.Combine(slim, "report.html")), "a deleted report.html was not written again");
    }
}
