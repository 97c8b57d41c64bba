using Slim.Build.Tasks.Analysis;
using System.Text;
using System.Text.Json;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Upx;

[TestClass]
public sealed class UpxSummaryTests
{
    private static SizeReport Report(TempFolder temp, LedgerEntry upx)
    {
        temp.File("publish/App", 4_800_000);
        var ledgers = new List<SizeLedger>
        {
            new(LedgerStep.Publish, [new("App", 13_550_000, 13_550_000, LedgerAction.Published, FileOrigin.App)]),
            new(LedgerStep.Upx, [upx]),
        };
        return ReportBuilder.Build(Path.Combine(temp.Path, "publish"), ledgers, new ToolInfo("Slim", "1"),
            new ProjectInfo("App", "aot", "safe", "net10.0", "linux-x64"), [], null, new AnalysisWarnings(0, [], "none"), BudgetSettings.None);
    }

    [TestMethod]
    public void Says_plainly_when_upx_saves_disk_but_little_on_the_wire()
    {
        using var temp = new TempFolder();
        var report = Report(temp, new LedgerEntry("App", 10_000_000, 3_500_000, LedgerAction.Packed, FileOrigin.App, 4_000_000, 3_600_000));

        var lines = ConsoleSummary.Lines(report, "report.md");

        Assert.IsTrue(lines.Any(l => l.StartsWith("Slim: upx packed App: 10 MB -> 3.5 MB on disk (-65%)", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.IsTrue(lines.Any(l => l.Contains("saves 65% on disk but only 10% on the wire")), string.Join("\n", lines));
    }

    [TestMethod]
    public void No_wire_warning_when_the_wire_saving_is_comparable()
    {
        using var temp = new TempFolder();
        var report = Report(temp, new LedgerEntry("App", 10_000_000, 5_000_000, LedgerAction.Packed, FileOrigin.App, 8_000_000, 4_400_000));
        Assert.IsFalse(ConsoleSummary.Lines(report, "report.md").Any(l => l.Contains("on the wire")));
    }

    [TestMethod]
    public void Report_json_carries_gzip_sizes_and_ratios_for_packed_files_only()
    {
        using var temp = new TempFolder();
        var report = Report(temp, new LedgerEntry("App", 10_000_000, 3_500_000, LedgerAction.Packed, FileOrigin.App, 4_000_000, 3_600_000));
        var json = JsonDocument.Parse(JsonSerializer.Serialize(report, ReportWriter.Json)).RootElement;

        var upx = json.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "upx");
        Assert.AreEqual(6_500_000, upx.GetProperty("bytesSaved").GetInt64());
        var file = upx.GetProperty("files")[0];
        Assert.AreEqual(4_000_000, file.GetProperty("gzipBefore").GetInt64());
        Assert.AreEqual(3_600_000, file.GetProperty("gzipAfter").GetInt64());
        Assert.AreEqual(0.35, file.GetProperty("ratio").GetDouble());
        Assert.AreEqual(0.9, file.GetProperty("gzipRatio").GetDouble());
        Assert.AreEqual(1, json.GetProperty("schemaVersion").GetInt32());

        var markdown = MarkdownReport.Render(report);
        StringAssert.Contains(markdown, "| App | 10,000,000 | 3,500,000 | 4,000,000 | 3,600,000 | 0.35 | 0.90 |");
    }

    [TestMethod]
    public void Other_steps_keep_their_shape()
    {
        var json = JsonSerializer.Serialize(new LedgerEntry("App.dbg", 9000, 0, LedgerAction.MovedToSymbols, FileOrigin.App), ReportWriter.Json);
        Assert.IsFalse(json.Contains("gzip", StringComparison.OrdinalIgnoreCase), json);
        Assert.IsFalse(json.Contains("ratio", StringComparison.OrdinalIgnoreCase), json);
        var back = JsonSerializer.Deserialize<LedgerEntry>(JsonSerializer.Serialize(new LedgerEntry("App", 10, 5, LedgerAction.Packed, FileOrigin.App, 8, 6), ReportWriter.Json), ReportWriter.Json)!;
        Assert.AreEqual((8L, 6L), (back.GzipBefore, back.GzipAfter));
    }
}
