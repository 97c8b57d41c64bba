using System.Text.Json;
using System.Text.Json.Nodes;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimWriteAttribution computes the attribution once into attribution.json; the report copies it unchanged.</summary>
[TestClass]
public sealed class AttributionStepTests
{
    [TestMethod]
    public void The_report_carries_the_attribution_the_step_wrote_byte_for_byte_and_an_unchanged_publish_keeps_the_file()
    {
        using var temp = new TempFolder();
        temp.File("publish/App.dll", 1000);
        temp.File("publish/ICSharpCode.SharpZipLib.dll", 20_000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App.dll", 1000, 1000, LedgerAction.Published, FileOrigin.App),
            new("ICSharpCode.SharpZipLib.dll", 20_000, 20_000, LedgerAction.Published, FileOrigin.Package)]).Save(ledgers);
        var attributionFile = Path.Combine(temp.Path, "obj", "attribution.json");
        SlimWriteAttribution Step(RecordingBuildEngine engine) => new()
        {
            BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
            AssetsFile = OwnAssetsFile.Path, TargetFramework = "net10.0", AppAssembly = "App", AttributionFile = attributionFile,
        };
        var engine = new RecordingBuildEngine();
        Assert.IsTrue(Step(engine).Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        var written = File.ReadAllText(attributionFile);
        StringAssert.Contains(written, "\"name\": \"SharpZipLib\"");

        // What the report task computed itself before the step existed.
        var direct = AttributionInputs.Build(ReportBuilder.Measure(Path.Combine(temp.Path, "publish"),
                new Dictionary<string, FileOrigin> { ["App.dll"] = FileOrigin.App, ["ICSharpCode.SharpZipLib.dll"] = FileOrigin.Package }),
            null, OwnAssetsFile.Path, "net10.0", "", "App", "", "", new RecordingDiagnostics());
        Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(direct, ReportWriter.Json)), JsonNode.Parse(written)), written);

        var report = new SlimWriteReport
        {
            BuildEngine = new RecordingBuildEngine(), PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers,
            ReportDirectory = Path.Combine(temp.Path, "slim"), StateDirectory = Path.Combine(temp.Path, "obj"), ProjectName = "App",
            Profile = "framework", BudgetsFile = Path.Combine(temp.Path, "obj", "budgets.json"), AttributionFile = attributionFile,
        };
        Assert.IsTrue(report.Execute());
        var inReport = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "slim", "report.json")))!["attribution"];
        Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(written), inReport), inReport?.ToJsonString());

        var time = File.GetLastWriteTimeUtc(attributionFile);
        Thread.Sleep(20);
        Assert.IsTrue(Step(new RecordingBuildEngine()).Execute());
        Assert.AreEqual(time, File.GetLastWriteTimeUtc(attributionFile), "an unchanged publish attributed again");

        temp.File("publish/App.dll", 3000);
        Assert.IsTrue(Step(new RecordingBuildEngine()).Execute());
        StringAssert.Contains(File.ReadAllText(attributionFile), "\"bytes\": 3000", "a changed publish folder kept the old attribution");
    }

    [TestMethod]
    public void Without_the_step_the_report_has_no_attribution()
    {
        using var temp = new TempFolder();
        temp.File("publish/App.dll", 1000);
        var report = new SlimWriteReport
        {
            BuildEngine = new RecordingBuildEngine(), PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = Path.Combine(temp.Path, "ledger"),
            ReportDirectory = Path.Combine(temp.Path, "slim"), StateDirectory = Path.Combine(temp.Path, "obj"), ProjectName = "App",
            Profile = "framework", BudgetsFile = Path.Combine(temp.Path, "obj", "budgets.json"), AttributionFile = Path.Combine(temp.Path, "obj", "attribution.json"),
        };
        Assert.IsTrue(report.Execute());
        Assert.IsNull(JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "slim", "report.json")))!["attribution"]);
    }
}
