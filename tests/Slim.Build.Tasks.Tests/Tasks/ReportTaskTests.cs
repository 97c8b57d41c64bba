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
        var summary = temp.File("step-summary.md", "existing\n"u8.ToArray());
        var engine = new RecordingBuildEngine();
        var previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            var task = new SlimWriteReport
            {
                BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
                ReportDirectory = Path.Combine(temp.Path, "slim"), ProjectName = "App", Profile = "aot", MaxPublishSize = "3KB",
            };
            Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
        }

        Assert.IsTrue(File.Exists(Path.Combine(temp.Path, "slim", "report.json")));
        var appended = File.ReadAllText(summary);
        StringAssert.StartsWith(appended, "existing\n");
        StringAssert.Contains(appended, "## Slim size report: App");
        StringAssert.Contains(appended, "| SlimMaxPublishSize | publish folder | 3 KB | 4 KB | **over** |");
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.Contains("saved by step: symbols 9 KB")));
        Assert.AreEqual(0, engine.Errors.Count, "the report only records budgets; SlimEnforceBudgets fails the build");
    }
}
