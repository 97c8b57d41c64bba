using System.Text.RegularExpressions;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

/// <summary>report.html in a real headless chromium: its script runs without errors and draws the report.</summary>
[TestClass]
public sealed class HtmlReportBrowserTests
{
    [TestMethod]
    public void The_real_report_renders_without_script_errors_and_draws_a_treemap()
    {
        Chromium.RequireOrSkip();
        using var temp = new TempFolder();
        var page = temp.File("report.html", System.Text.Encoding.UTF8.GetBytes(HtmlReport.Render(HtmlReportFixture.Report())));

        var (dom, log) = Chromium.DumpDom(page);

        AssertNoScriptErrors(dom, log);
        StringAssert.Contains(dom, "<h1 id=\"app-name\">accimg</h1>");
        StringAssert.Contains(dom, "Image 8.56 MB on the wire");
        var rectangles = Regex.Matches(dom, "class=\"tm-node ").Count;
        // The image, its two layers, the app layer's origins and its files.
        Assert.IsTrue(rectangles >= 6, $"the treemap drew {rectangles} rectangle(s)");
        StringAssert.Contains(dom, "layer: app");
        // No attribution here: the base Slim assembled is split by the needs' measured host files.
        StringAssert.Contains(dom, "title=\"image › layer: base: glibc, openssl, ca-certificates › libc.so.6");
        StringAssert.Contains(dom, "What each step saved");
        StringAssert.Contains(dom, "Run-time needs");
    }

    [TestMethod]
    public void Checks_attribution_and_a_hostile_name_render_as_text()
    {
        Chromium.RequireOrSkip();
        using var temp = new TempFolder();
        var page = temp.File("report.html", System.Text.Encoding.UTF8.GetBytes(HtmlReport.Render(HtmlReportFixture.WithEverySection(), null)));

        var (dom, log) = Chromium.DumpDom(page);

        AssertNoScriptErrors(dom, log);
        StringAssert.Contains(dom, "<title>Slim report: accimg</title>", "the hostile name ran as script");
        StringAssert.Contains(dom, "&lt;/script&gt;&lt;script&gt;document.title='pwned'", "the hostile name is not shown as text");
        StringAssert.Contains(dom, "Production checklist");
        StringAssert.Contains(dom, "1 passed, 1 warned, 1 failed");
        StringAssert.Contains(dom, "System.Private.CoreLib");
        StringAssert.Contains(dom, "Newtonsoft.Json 13.0.3");
        // The executable split by assembly and the base layer by Debian package are rectangles of their own.
        StringAssert.Contains(dom, "title=\"image › layer: app › app › accimg › System.Private.CoreLib");
        StringAssert.Contains(dom, "libssl3 3.0.17-1~deb12u2");
    }

    [TestMethod]
    public void The_log_shows_an_uncaught_error_the_way_the_checks_above_look_for_it()
    {
        Chromium.RequireOrSkip();
        using var temp = new TempFolder();
        var page = temp.File("broken.html", "<html><body><script>null.x;</script></body></html>"u8.ToArray());

        var (_, log) = Chromium.DumpDom(page);

        Assert.AreEqual(1, ScriptErrors(log).Count(l => l.Contains("Uncaught TypeError")), "chromium's log no longer shows page errors:\n" + log);
    }

    /// <summary>The report's page writes no console message: any is a script error.</summary>
    private static List<string> ScriptErrors(string log) => Chromium.ConsoleLines(log);

    private static void AssertNoScriptErrors(string dom, string log)
    {
        var errors = ScriptErrors(log);
        Assert.AreEqual(0, errors.Count, "script errors:\n" + string.Join("\n", errors));
        StringAssert.Contains(dom, "data-rendered=\"true\"", "the script did not finish:\n" + log);
        Assert.IsFalse(dom.Contains("<p class=\"error\">"), "a section failed to draw:\n" + Regex.Match(dom, "<p class=\"error\">[^<]*").Value);
    }
}
