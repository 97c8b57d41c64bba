using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

[TestClass]
public sealed class HtmlReportTests
{
    private static readonly Regex DataBlock = new("<script type=\"application/json\" id=\"slim-report\">(.*?)</script>", RegexOptions.Singleline);

    [TestMethod]
    public void A_hostile_file_name_stays_data_inside_the_script_block()
    {
        var html = HtmlReport.Render(HtmlReportFixture.WithEverySection(), null);

        // Exactly the two script elements the page has: the data block and the drawing script.
        Assert.AreEqual(2, Regex.Matches(html, "</script>", RegexOptions.IgnoreCase).Count, "a name closed a script element early");
        Assert.IsFalse(html.Contains("<!--"), "a name opened an HTML comment");
        var data = JsonNode.Parse(DataBlock.Match(html).Groups[1].Value)!;
        var paths = data["report"]!["files"]!.AsArray().Select(f => (string)f!["path"]!).ToList();
        CollectionAssert.Contains(paths, HtmlReportFixture.Hostile, "the name did not survive the round trip");
    }

    [TestMethod]
    public void The_heading_is_escaped_html_with_the_name_and_total()
    {
        var report = HtmlReportFixture.Json();
        report["project"]!["name"] = "<b>App & Co</b>";

        var html = HtmlReport.Render(report, null);

        StringAssert.Contains(html, "<h1 id=\"app-name\">&lt;b&gt;App &amp; Co&lt;/b&gt;</h1>");
        StringAssert.Contains(html, "<p id=\"total\" class=\"total\">Image 8.56 MB on the wire, 13.55 MB unpacked</p>");
    }

    [TestMethod]
    public void Same_report_same_bytes()
    {
        var first = HtmlReport.Render(HtmlReportFixture.Report());
        var second = HtmlReport.Render(ReportReader.Read(HtmlReportFixture.JsonPath));

        Assert.AreEqual(first, second);
        Assert.IsFalse(first.Contains('\r'), "line endings depend on the checkout");
        Assert.IsFalse(Regex.IsMatch(first, @"20\d\d-\d\d-\d\d"), "the page carries a date");
    }

    [TestMethod]
    public void A_report_without_image_needs_checks_or_attribution_still_renders()
    {
        var report = HtmlReportFixture.Report() with { Image = null, Needs = null, Checks = [], Steps = [], Budgets = [] };

        var html = HtmlReport.Render(report);

        StringAssert.Contains(html, "<p id=\"total\" class=\"total\">Publish folder 4.81 MB in 4 files</p>");
        var data = JsonNode.Parse(DataBlock.Match(html).Groups[1].Value)!;
        Assert.IsNull(data["report"]!["image"]);
        Assert.IsNull(data["baseline"]);
    }

    [TestMethod]
    public void The_page_is_self_contained()
    {
        var html = HtmlReport.Render(HtmlReportFixture.WithEverySection(), null);

        // No fetch of any kind: no src or href attribute, no URL the page could load, and a CSP forbidding it.
        Assert.IsFalse(Regex.IsMatch(html, @"\s(src|href)\s*=", RegexOptions.IgnoreCase), "the page loads something");
        Assert.IsFalse(Regex.IsMatch(html, @"@import|url\(|fetch\(|XMLHttpRequest", RegexOptions.IgnoreCase), "the page can load something");
        StringAssert.Contains(html, "default-src 'none'");
    }

    [TestMethod]
    public void The_report_step_writes_the_page_beside_the_json()
    {
        using var temp = new TempFolder();

        ReportWriter.Write(HtmlReportFixture.Report(), temp.Path);

        var html = File.ReadAllText(Path.Combine(temp.Path, "report.html"));
        StringAssert.Contains(html, "<h1 id=\"app-name\">accimg</h1>");
        var embedded = JsonNode.Parse(DataBlock.Match(html).Groups[1].Value)!["report"]!.ToJsonString();
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "report.json")))!.ToJsonString();
        Assert.AreEqual(written, embedded, "the page draws something other than report.json");
    }
}
