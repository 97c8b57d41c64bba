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

    [TestMethod]
    public void A_missing_size_map_is_notice_SLIM7041_and_one_that_is_not_ILCs_is_warning_SLIM7042_naming_the_file_and_the_executable()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 4000);
        var ledgers = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Publish, [new("App", 4000, 4000, LedgerAction.Published, FileOrigin.App)]).Save(ledgers);
        var mstat = Path.Combine(temp.Path, "obj", "native", "App.mstat");
        RecordingBuildEngine Attribute()
        {
            var engine = new RecordingBuildEngine();
            Assert.IsTrue(new SlimWriteAttribution
            {
                BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = ledgers, AssetsFile = OwnAssetsFile.Path,
                TargetFramework = "net10.0", AppAssembly = "App", MstatFile = mstat, AttributionFile = Path.Combine(temp.Path, "obj", "attribution.json"),
            }.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
            return engine;
        }

        var missing = Attribute().Messages.Single(m => m.Code == "SLIM7041");
        StringAssert.Contains(missing.Message, $"cannot split the NativeAOT executable 'App' by assembly and package: ILC's size map '{mstat}' does not exist");
        StringAssert.Contains(missing.Message, "IlcGenerateMstatFile=true");

        temp.File("obj/native/App.mstat", System.Text.Encoding.ASCII.GetBytes("this is no assembly"));
        var unreadable = Attribute();
        var warning = unreadable.Warnings.Single(w => w.Code == "SLIM7042");
        StringAssert.Contains(warning.Message, $"ILC's size map '{mstat}' could not be read (");
        StringAssert.Contains(warning.Message, "so the executable 'App' counts as the app's as a whole");
        Assert.IsFalse(unreadable.Messages.Any(m => m.Code == "SLIM7041"), "the map exists now");
    }
}
