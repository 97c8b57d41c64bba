using System.Text.Json;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

[TestClass]
public sealed class IndexReportTests
{
    private const string IndexDigest = "sha256:ac5b000000000000000000000000000000000000000000000000000000000000";
    private static readonly string Amd64Manifest = "sha256:" + new string('1', 64);
    private static readonly string Arm64Manifest = "sha256:" + new string('2', 64);

    private static ImageSection Image(string digest, long wire, long unpacked) => new("/app/slim/x/image.tar", "oci", digest, ["app:1"],
        new BaseSummary("packages", "debian bookworm", null),
        [new LayerSummary("sha256:" + new string('a', 64), "sha256:" + new string('b', 64), wire - 1000, unpacked - 4000, "base: libc6"),
         new LayerSummary("sha256:" + new string('c', 64), "sha256:" + new string('d', 64), 1000, 4000, "app")],
        wire, unpacked, [new BasePackage("libc6", "2.36-9", "arm64", null, [])]);

    private static SizeReport PlatformReport(ImageSection image, params BudgetResult[] budgets) =>
        new(1, new ToolInfo("Slim", "1.0.0"), new ProjectInfo("App", "framework", "safe", "net10.0", "linux-x64"), "/publish", new Totals(1, 1, 1, null), [], null,
            new AnalysisWarnings(0, [], "none"), [], [], budgets, [], image);

    private static BudgetResult Budget(BudgetKind kind, string name, long limit, long actual) =>
        new(kind, name, limit.ToString(), limit, actual, actual <= limit, null, []);

    private static RuntimeNeeds Needs(string library) =>
        new(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [new RuntimeNeed(NeedKind.Openssl, true, "HttpClient", [])],
            [new NativeLibraryNeed(library, false, null, null, ["libcoreclr.so"])], []);

    private static IndexReport Sample(long arm64Unpacked = 122_820_000)
    {
        var amd64 = Image(Amd64Manifest, 49_670_000, 114_250_000);
        var arm64 = Image(Arm64Manifest, 46_720_000, arm64Unpacked);
        PlatformRecord[] platforms =
        [
            new("linux-x64", new ImagePlatform("amd64"), Amd64Manifest, amd64, Needs("libstdc++.so.6"),
                ("/app/slim/linux-x64/report.json", PlatformReport(amd64, Budget(BudgetKind.Image, "SlimMaxImageSize", 60_000_000, 49_670_000),
                    Budget(BudgetKind.ImageUnpacked, "SlimMaxImageUnpackedSize", 120_000_000, 114_250_000), Budget(BudgetKind.Publish, "SlimMaxPublishSize", 1, 2)))),
            new("linux-arm64", new ImagePlatform("arm64", Variant: "v8"), Arm64Manifest, arm64, null,
                ("/app/slim/linux-arm64/report.json", PlatformReport(arm64, Budget(BudgetKind.Image, "SlimMaxImageSize", 60_000_000, 46_720_000),
                    Budget(BudgetKind.ImageUnpacked, "SlimMaxImageUnpackedSize", 120_000_000, arm64Unpacked)) with { Needs = Needs("libz.so.1") })),
        ];
        return IndexReportBuilder.Build(new ToolInfo("Slim", "1.0.0"), "App", new IndexSection("/app/slim/image.tar", IndexDigest, ["app:1"]), platforms);
    }

    [TestMethod]
    public void The_console_line_names_every_platform_and_the_largest_against_each_image_budget()
    {
        var line = IndexSummary.ConsoleLine(Sample());

        Assert.AreEqual($"Slim: image index /app/slim/image.tar ({IndexDigest}): linux/amd64 49.67 MB (114.25 MB unpacked), linux/arm64/v8 46.72 MB (122.82 MB unpacked); "
            + "largest linux/amd64 49.67 MB of the 60 MB budget (SlimMaxImageSize); largest unpacked linux/arm64/v8 122.82 MB over the 120 MB budget (SlimMaxImageUnpackedSize)", line);
    }

    [TestMethod]
    public void The_largest_platform_decides_a_budget_and_it_passes_only_when_every_platform_does()
    {
        var report = Sample();

        Assert.AreEqual(2, report.Budgets.Count, "the publish-folder budget is each platform's own, not the image's");
        var image = report.Budgets[0];
        Assert.AreEqual(("SlimMaxImageSize", "linux/amd64", 49_670_000L, 60_000_000L, true), (image.Name, image.LargestPlatform, image.LargestBytes, image.LimitBytes, image.Passed));
        var unpacked = report.Budgets[1];
        Assert.AreEqual(("linux/arm64/v8", 122_820_000L, false), (unpacked.LargestPlatform, unpacked.LargestBytes, unpacked.Passed));
        Assert.IsTrue(Sample(arm64Unpacked: 100_000_000).Budgets[1] is { LargestPlatform: "linux/amd64", Passed: true });
    }

    [TestMethod]
    public void Report_json_holds_the_index_then_one_section_per_platform()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Sample(), ReportWriter.Json));
        var root = json.RootElement;

        Assert.AreEqual(IndexReport.CurrentSchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.AreEqual("image-index", root.GetProperty("kind").GetString());
        Assert.AreEqual(IndexDigest, root.GetProperty("index").GetProperty("digest").GetString());
        Assert.AreEqual("/app/slim/image.tar", root.GetProperty("index").GetProperty("archive").GetString());
        var platforms = root.GetProperty("platforms").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "linux-x64", "linux-arm64" }, platforms.Select(p => p.GetProperty("runtimeIdentifier").GetString()).ToArray());
        var arm64 = platforms[1];
        Assert.AreEqual(("linux", "arm64", "v8", "linux/arm64/v8"), (arm64.GetProperty("os").GetString(), arm64.GetProperty("architecture").GetString(),
            arm64.GetProperty("variant").GetString(), arm64.GetProperty("platform").GetString()));
        Assert.AreEqual(JsonValueKind.Null, platforms[0].GetProperty("variant").ValueKind);
        Assert.AreEqual(Arm64Manifest, arm64.GetProperty("manifestDigest").GetString());
        Assert.AreEqual(46_720_000, arm64.GetProperty("wireBytes").GetInt64());
        Assert.AreEqual(122_820_000, arm64.GetProperty("unpackedBytes").GetInt64());
        CollectionAssert.AreEqual(new[] { "base: libc6", "app" }, arm64.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("holds").GetString()).ToArray());
        Assert.AreEqual("/app/slim/linux-arm64/report.json", arm64.GetProperty("report").GetString());
        // needs.json first; the platform's report.json when its state folder has none.
        Assert.AreEqual("libstdc++.so.6", platforms[0].GetProperty("needs").GetProperty("nativeLibraries")[0].GetProperty("name").GetString());
        Assert.AreEqual("libz.so.1", arm64.GetProperty("needs").GetProperty("nativeLibraries")[0].GetProperty("name").GetString());
        Assert.AreEqual("image-unpacked", root.GetProperty("budgets")[1].GetProperty("kind").GetString());
    }

    [TestMethod]
    public void The_writer_puts_report_json_and_md_in_slim_and_removes_a_single_platform_page_left_there()
    {
        using var temp = new TempFolder();
        var stalePage = temp.File("report.html", 10);
        var report = Sample();

        IndexReportWriter.Write(report, [Image(Amd64Manifest, 49_670_000, 114_250_000), Image(Arm64Manifest, 46_720_000, 122_820_000)], temp.Path);

        Assert.IsFalse(File.Exists(stalePage), "the page of another publish's image would be read as the index's");
        Assert.AreEqual(IndexDigest, Files(temp, "report.json").RootElement.GetProperty("index").GetProperty("digest").GetString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "report.md"));
        StringAssert.Contains(md, "| linux/arm64/v8 | linux-arm64 | `sha256:222222222222` | 46.72 MB | 122.82 MB | 2 |");
        StringAssert.Contains(md, "| SlimMaxImageUnpackedSize | 120 MB | linux/arm64/v8 | 122.82 MB | **over** |");
        StringAssert.Contains(md, "## linux/arm64/v8 (linux-arm64)");
        StringAssert.Contains(md, "Full report: `/app/slim/linux-arm64/report.json`");
        StringAssert.Contains(md, "libz.so.1 (libcoreclr.so)");
    }

    private static JsonDocument Files(TempFolder temp, string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, name)));
}
