using System.Text.Json;
using System.Text.Json.Nodes;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

[TestClass]
public sealed class BaselineComparisonTests
{
    /// <summary>The fixture as an earlier publish: the app 100,000 B smaller, no appsettings.json, the image 50,000 B lighter.</summary>
    private static JsonObject EarlierReport()
    {
        var earlier = HtmlReportFixture.Json();
        var files = earlier["files"]!.AsArray();
        files[0]!["size"] = (long)files[0]!["size"]! - 100_000;
        files.Remove(files.Single(f => (string)f!["path"]! == "appsettings.json"));
        earlier["totals"]!["publishBytes"] = (long)earlier["totals"]!["publishBytes"]! - 100_151;
        earlier["image"]!["wireBytes"] = (long)earlier["image"]!["wireBytes"]! - 50_000;
        return earlier;
    }

    private static BaselineComparison Compare(JsonObject earlier, JsonObject current)
    {
        using var before = JsonDocument.Parse(earlier.ToJsonString());
        using var after = JsonDocument.Parse(current.ToJsonString());
        return BaselineComparison.Compare("/ci/baseline/report.json", before.RootElement, after.RootElement);
    }

    [TestMethod]
    public void Totals_and_origins_before_after_and_delta()
    {
        var comparison = Compare(EarlierReport(), HtmlReportFixture.Json());

        var publish = comparison.Totals.Single(r => r.Name == "publish folder");
        Assert.AreEqual(100_151, publish.Delta);
        Assert.AreEqual(50_000, comparison.Totals.Single(r => r.Name == "image on the wire").Delta);
        // Largest change first: the app grew by 100,000 B, content by appsettings.json's 151 B.
        Assert.AreEqual("app", comparison.Origins[0].Name);
        Assert.AreEqual(100_000, comparison.Origins[0].Delta);
        Assert.AreEqual(151, comparison.Origins.Single(r => r.Name == "content").Delta);
        Assert.AreEqual(0, comparison.Origins.Single(r => r.Name == "other").Delta);
    }

    [TestMethod]
    public void Per_package_when_both_reports_attribute_bytes()
    {
        var earlier = HtmlReportFixture.Json();
        earlier["attribution"] = JsonNode.Parse("""{ "publish": [ { "kind": "app", "name": "app", "bytes": 1000 }, { "kind": "nuget-package", "name": "Humanizer.Core", "version": "2.14.1", "bytes": 500 } ] }""");
        var current = HtmlReportFixture.Json();
        current["attribution"] = JsonNode.Parse("""{ "publish": [ { "kind": "app", "name": "app", "bytes": 1200 }, { "kind": "nuget-package", "name": "Polly", "version": "8.4.0", "bytes": 300 } ] }""");

        var comparison = Compare(earlier, current);

        CollectionAssert.AreEqual(new[] { "nuget-package Humanizer.Core", "nuget-package Polly", "app" }, comparison.Origins.Select(r => r.Name).ToArray());
        Assert.IsNull(comparison.Origins[0].After, "a removed package has no after");
        Assert.IsNull(comparison.Origins[1].Before, "a new package has no before");
    }

    [TestMethod]
    public void Report_md_has_the_comparison_ready_for_a_pull_request()
    {
        var comparison = Compare(EarlierReport(), HtmlReportFixture.Json());

        var md = MarkdownReport.Render(HtmlReportFixture.Report(), comparison);

        StringAssert.Contains(md, "### Against the baseline");
        StringAssert.Contains(md, "| publish folder | 4.71 MB | 4.81 MB | **+100.2 KB (+100,151 B)** |");
        StringAssert.Contains(md, "| app | 4.71 MB | 4.81 MB | **+100 KB (+100,000 B)** |");
        StringAssert.Contains(md, "| other | 53 B | 53 B | 0 |");
        Assert.IsFalse(MarkdownReport.Render(HtmlReportFixture.Report()).Contains("baseline"), "no baseline, no section");
    }

    [TestMethod]
    public void A_shrinking_origin_reads_as_a_minus()
    {
        Assert.AreEqual("−1.5 KB (−1,500 B)", BaselineSummary.Delta(new BaselineRow("app", 3000, 1500)));
    }

    [TestMethod]
    public void An_unreadable_or_missing_baseline_leaves_the_section_out()
    {
        using var temp = new TempFolder();
        var broken = temp.File("report.json", "{ not json"u8.ToArray());

        Assert.IsNull(BaselineComparison.TryRead(broken, HtmlReportFixture.Report()));
        Assert.IsNull(BaselineComparison.TryRead(Path.Combine(temp.Path, "missing.json"), HtmlReportFixture.Report()));
    }
}
