using System.Text.Json.Nodes;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimReadAnalysisWarnings reads the warnings once into analysis-warnings.json; the report shows what it holds.</summary>
[TestClass]
public sealed class AnalysisWarningsStepTests
{
    private const string Sarif = """
        {"version":"2.1.0","runs":[{"results":[
          {"ruleId":"IL2026","level":"warning","message":{"text":"Using member 'Load'"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///src/Program.cs"},"region":{"startLine":3}}}]},
          {"ruleId":"CS0168","level":"warning","message":{"text":"not an analysis warning"}}]}]}
        """;

    [TestMethod]
    public void The_file_holds_what_the_sources_give_and_the_report_copies_it()
    {
        using var temp = new TempFolder();
        var log = temp.File("obj/slim-analysis.sarif", System.Text.Encoding.UTF8.GetBytes(Sarif));
        var file = Path.Combine(temp.Path, "obj", "slim", AnalysisWarningsFile.FileName);
        var engine = new RecordingBuildEngine();
        Assert.IsTrue(new SlimReadAnalysisWarnings
        {
            BuildEngine = engine, AnalysisLog = log, TrimmingTool = "ILC", AssetsFile = OwnAssetsFile.Path, TargetFramework = "net10.0", WarningsFile = file,
        }.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var loaded = AnalysisWarningsFile.Load(file);
        var direct = AnalysisWarningSources.Read(log, "ILC", false, ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", ""));
        Assert.AreEqual(1, loaded.Count);
        Assert.AreEqual(direct.Source, loaded.Source);
        CollectionAssert.AreEqual(direct.Items.ToList(), loaded.Items.ToList());
        Assert.AreEqual("Program.cs:3", loaded.Items[0].Location);

        temp.File("publish/App", 10);
        var report = new SlimWriteReport
        {
            BuildEngine = new RecordingBuildEngine(), PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = Path.Combine(temp.Path, "ledger"),
            ReportDirectory = Path.Combine(temp.Path, "slim"), StateDirectory = Path.Combine(temp.Path, "obj", "slim"), ProjectName = "App",
            Profile = "aot", BudgetsFile = Path.Combine(temp.Path, "obj", "budgets.json"), AnalysisWarningsFile = file,
        };
        Assert.IsTrue(report.Execute());
        var warnings = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "slim", "report.json")))!["analysisWarnings"]!;
        Assert.AreEqual(1, (int)warnings["count"]!);
        Assert.AreEqual(direct.Source, (string?)warnings["source"]);
        StringAssert.Contains(direct.Source, "ILC's warnings are in the build log only");
    }

    [TestMethod]
    public void A_changed_log_is_read_again_and_without_the_step_nothing_is_counted()
    {
        using var temp = new TempFolder();
        var log = temp.File("log.sarif", System.Text.Encoding.UTF8.GetBytes(Sarif));
        var file = Path.Combine(temp.Path, "warnings.json");
        SlimReadAnalysisWarnings Step() => new() { BuildEngine = new RecordingBuildEngine(), AnalysisLog = log, WarningsFile = file };
        Assert.IsTrue(Step().Execute());
        Assert.AreEqual(1, AnalysisWarningsFile.Load(file).Count);
        File.WriteAllText(log, """{"version":"2.1.0","runs":[{"results":[]}]}""");
        Assert.IsTrue(Step().Execute());
        Assert.AreEqual(0, AnalysisWarningsFile.Load(file).Count, "the file kept an earlier build's warnings");
        var missing = AnalysisWarningsFile.Load(Path.Combine(temp.Path, "none.json"));
        Assert.AreEqual(0, missing.Count);
        StringAssert.Contains(missing.Source, "SlimReadAnalysisWarnings");
    }

    [TestMethod]
    public void A_log_two_compiles_wrote_together_is_a_warning_and_is_removed_so_the_next_compile_writes_it()
    {
        // Measured: two publishes of one project at once left the log as two documents run together, and every
        // later publish failed with SLIM9001 ("']' is invalid after a single JSON value").
        using var temp = new TempFolder();
        var log = temp.File("obj/slim-analysis.sarif", System.Text.Encoding.UTF8.GetBytes(Sarif + "\n]}]}"));
        var file = Path.Combine(temp.Path, "obj", "slim", AnalysisWarningsFile.FileName);
        var engine = new RecordingBuildEngine();

        Assert.IsTrue(new SlimReadAnalysisWarnings
        {
            BuildEngine = engine, AnalysisLog = log, TrimmingTool = "ILC", AssetsFile = OwnAssetsFile.Path, TargetFramework = "net10.0", WarningsFile = file,
        }.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var warning = engine.Warnings.Single(w => w.Code == "SLIM7043");
        StringAssert.Contains(warning.Message, log);
        Assert.IsFalse(File.Exists(log), "removed: CoreCompile then lacks an output and runs again");
        Assert.AreEqual(0, AnalysisWarningsFile.Load(file).Count);
    }
}
