using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// An unchanged publish still says what is wrong, and Slim's own outputs are rebuilt, not trusted: a
/// framework-profile console app that looks up a time zone by id, published twice with nothing changed.
/// </summary>
[TestClass]
public sealed class ReliabilityReportTests
{
    private static TestApp _app = null!;
    private static PublishResult _first = null!;
    private static PublishResult _second = null!;
    private static DateTime _reportWrittenByFirst;
    private static string ReportFile => Path.Combine(_first.SlimDirectory, "report.json");

    [ClassInitialize]
    public static void PublishTwice(TestContext _)
    {
        _app = TestApp.Console("ReportRebuilt", SlimForm.PackageReference, program: """
            Console.WriteLine(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo").Id);
            """);
        _first = _app.Publish();
        Assert.AreEqual(0, _first.ExitCode, _first.Describe());
        _reportWrittenByFirst = File.GetLastWriteTimeUtc(ReportFile);
        _second = _app.Publish();
        Assert.AreEqual(0, _second.ExitCode, _second.Describe());
    }

    [TestMethod]
    public void A_warning_shows_on_the_first_and_on_an_unchanged_second_publish()
    {
        Assert.AreEqual(_reportWrittenByFirst, File.GetLastWriteTimeUtc(ReportFile), "the second publish was not an unchanged one: it wrote the report again");
        foreach (var (which, result) in new[] { ("first", _first), ("second", _second) })
        {
            var warnings = result.Output.Split('\n').Where(l => l.Contains("warning SLIM1012", StringComparison.Ordinal)).ToArray();
            Assert.IsTrue(warnings.Length > 0, $"the {which} publish did not warn SLIM1012\n{result.Output}");
            StringAssert.Contains(warnings[0], "FindSystemTimeZoneById");
        }
    }

    [TestMethod]
    public void A_damaged_report_is_written_again_by_an_unchanged_publish()
    {
        foreach (var damage in new[] { "", """{"schemaVersion":1}""" })
        {
            File.WriteAllText(ReportFile, damage);

            var result = _app.Publish();

            Assert.AreEqual(0, result.ExitCode, $"report.json was '{damage}': {result.Describe()}");
            AssertFullReport($"report.json was '{damage}'");
        }
    }

    [TestMethod]
    public void The_budget_gate_reads_a_rebuilt_report_not_a_damaged_one()
    {
        var over = _app.Republish("-p:SlimMaxPublishSize=1KB");
        Assert.AreNotEqual(0, over.ExitCode, over.Describe());
        StringAssert.Contains(over.Output, "error SLIM6001");

        foreach (var damage in new[] { "", """{"schemaVersion":1}""" })
        {
            File.WriteAllText(ReportFile, damage);

            var again = _app.Republish("-p:SlimMaxPublishSize=1KB");

            Assert.AreNotEqual(0, again.ExitCode, $"report.json was '{damage}': an over-budget publish passed\n{again.Describe()}");
            StringAssert.Contains(again.Output, "error SLIM6001", $"report.json was '{damage}'");
            Assert.IsFalse(again.Output.Contains("SLIM9001") || again.Output.Contains("SLIM3002"), again.Output);
            AssertFullReport($"report.json was '{damage}'");
        }
    }

    private static void AssertFullReport(string context)
    {
        var report = Files.Json(ReportFile);
        Assert.AreEqual(1, report.GetProperty("schemaVersion").GetInt32(), context);
        Assert.AreEqual(_app.Name, report.GetProperty("project").GetProperty("name").GetString(), context);
        Assert.AreEqual("framework", report.GetProperty("project").GetProperty("profile").GetString(), context);
        Assert.AreEqual(Files.FolderSize(_first.PublishDirectory), report.GetProperty("totals").GetProperty("publishBytes").GetInt64(), context);
        Assert.IsTrue(report.GetProperty("files").GetArrayLength() > 0, context);
        Assert.IsTrue(report.GetProperty("steps").GetArrayLength() > 0, context);
        Assert.IsTrue(File.Exists(Path.Combine(_first.SlimDirectory, "report.md")), context);
    }
}
