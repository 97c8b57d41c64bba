using Slim.Build.Tasks.Analysis;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class TaskAdapterTests
{
    [TestMethod]
    public void A_malformed_size_fails_the_task_with_its_code_the_property_and_the_value()
    {
        var engine = new RecordingBuildEngine();
        var task = new SlimValidateSettings
        {
            BuildEngine = engine, ProjectName = "App", Profile = "framework", MaxPublishSize = "12XB",
        };
        Assert.IsFalse(task.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM1001", error.Code);
        StringAssert.Contains(error.Message, "SlimMaxPublishSize is '12XB'");
        Assert.IsFalse(error.Message!.StartsWith("SLIM1001"), "the code is logged as the code, not repeated in the text");
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim1001", error.HelpLink);
    }

    [TestMethod]
    public void The_framework_notice_is_a_message_not_a_warning()
    {
        var engine = new RecordingBuildEngine();
        Assert.IsTrue(new SlimValidateSettings { BuildEngine = engine, ProjectName = "App", Profile = "framework", BudgetsFile = Path.Combine(Path.GetTempPath(), $"slim-budgets-{Guid.NewGuid():N}.json") }.Execute());
        Assert.AreEqual(0, engine.Warnings.Count);
        Assert.IsTrue(engine.Messages.Any(m => m.Code == "SLIM1010" && m.Message!.StartsWith("App publishes framework-dependent")), string.Join("\n", engine.Messages.Select(m => m.Code + "|" + m.Message)));
    }

    [TestMethod]
    public void Budgets_over_fail_the_build_or_warn_as_asked()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 2000);
        var report = ReportBuilder.Build(Path.Combine(temp.Path, "publish"), [], new ToolInfo("Slim", "1"), new ProjectInfo("App", "aot", "safe", "net10.0", "linux-x64"),
            [], null, new AnalysisWarnings(0, [], "none"), BudgetSettings.None with { MaxPublishSize = new ByteSize(1999) });
        ReportWriter.Write(report, Path.Combine(temp.Path, "slim"));
        var reportFile = Path.Combine(temp.Path, "slim", "report.json");

        var engine = new RecordingBuildEngine();
        Assert.IsFalse(new SlimEnforceBudgets { BuildEngine = engine, ReportFile = reportFile, ProjectName = "App" }.Execute());
        Assert.AreEqual("SLIM6001", engine.Errors.Single().Code);
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim6001", engine.Errors.Single().HelpLink);
        StringAssert.Contains(engine.Errors.Single().Message, "over SlimMaxPublishSize 2 KB (1,999 B)");
        StringAssert.Contains(engine.Errors.Single().Message, "App (2 KB)");

        var lenient = new RecordingBuildEngine();
        Assert.IsTrue(new SlimEnforceBudgets { BuildEngine = lenient, ReportFile = reportFile, ProjectName = "App", Severity = "warning" }.Execute());
        Assert.AreEqual("SLIM6001", lenient.Warnings.Single().Code);

        var foreign = new RecordingBuildEngine();
        Assert.IsFalse(new SlimEnforceBudgets { BuildEngine = foreign, ReportFile = reportFile, ProjectName = "OtherApp" }.Execute(),
            "a report of another project passed the gate");
        Assert.AreEqual("SLIM3007", foreign.Errors.Single().Code);
    }

    [TestMethod]
    public void Budgets_with_SlimReport_false_are_named_as_unchecked_and_not_parsed()
    {
        var engine = new RecordingBuildEngine();
        var budgets = Path.Combine(Path.GetTempPath(), $"slim-budgets-{Guid.NewGuid():N}.json");
        Assert.IsTrue(new SlimValidateSettings
        {
            BuildEngine = engine, ProjectName = "App", Profile = "framework", CheckBudgets = false, MaxPublishSize = "12XB", BudgetsFile = budgets,
        }.Execute());
        var warning = engine.Warnings.Single();
        Assert.AreEqual("SLIM1016", warning.Code);
        StringAssert.Contains(warning.Message, "SlimMaxPublishSize");
        Assert.IsFalse(File.Exists(budgets));
    }

    [TestMethod]
    public void A_missing_strip_names_the_tool_and_the_files()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var item = new TaskItem(library);
        item.SetMetadata("RelativePath", "libfixture.so");
        item.SetMetadata("SlimStepOutput", Path.Combine(temp.Path, "strip", "libfixture.so"));
        var engine = new RecordingBuildEngine();
        var task = new SlimStripNativeFiles
        {
            BuildEngine = engine, Files = [item], StripTool = "/nonexistent/strip",
            LedgerDirectory = Path.Combine(temp.Path, "ledger"),
        };
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("SLIM2002", engine.Errors.Single().Code);
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim2002", engine.Errors.Single().HelpLink, "a SlimException keeps its help link");
        StringAssert.Contains(engine.Errors.Single().Message, "'/nonexistent/strip'");
        StringAssert.Contains(engine.Errors.Single().Message, "libfixture.so");
        Assert.IsFalse(File.Exists(item.GetMetadata("SlimStepOutput")));
    }

    [TestMethod]
    public void Culture_calls_keep_globalization_on_where_slim_chooses_and_say_why()
    {
        // This test assembly calls new CultureInfo("fr-FR") and FindSystemTimeZoneById (see AppCallScannerTests).
        using var temp = new TempFolder();
        var scanFile = Path.Combine(temp.Path, "app-scan.json");
        var engine = new RecordingBuildEngine();
        var task = new SlimAnalyzeApp { BuildEngine = engine, AppAssembly = typeof(TaskAdapterTests).Assembly.Location, Profile = "aot", ScanFile = scanFile };

        Assert.IsTrue(task.Execute());

        Assert.AreEqual("false", task.InvariantGlobalization);
        Assert.IsFalse(engine.Warnings.Any(w => w.Code == "SLIM1011"), "globalization kept: nothing to warn about");
        var kept = engine.Messages.Single(m => m.Code == "SLIM1017");
        StringAssert.Contains(kept.Message, "calls System.Globalization.CultureInfo constructor");
        StringAssert.Contains(kept.Message, "<InvariantGlobalization>true</InvariantGlobalization>");
        Assert.IsTrue(engine.Warnings.Any(w => w.Code == "SLIM1012"), "time-zone lookup not flagged");
        // Measured: Process.Start("/bin/sh", ...) printed its output on the host and threw Win32Exception in Slim's image.
        StringAssert.Contains(engine.Warnings.Single(w => w.Code == "SLIM1090").Message, "calls System.Diagnostics.Process.Start");
        var scan = Slim.Build.Tasks.Needs.AppScan.Load(scanFile);
        Assert.IsFalse(scan.Globalization.Invariant);
        Assert.IsTrue(scan.Calls.Any(c => c.Kind == "timezone" && c.Member == "System.TimeZoneInfo.FindSystemTimeZoneById"));
    }

    [TestMethod]
    [DataRow("", "aggressive", "true", "SLIM1011")]
    [DataRow("true", "safe", "true", null)]
    [DataRow("false", "aggressive", "false", null)]
    public void The_project_value_wins_and_aggressive_trades_cultures_for_size_with_a_warning(string projectValue, string level, string expected, string? warning)
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = new SlimAnalyzeApp
        {
            BuildEngine = engine, AppAssembly = typeof(TaskAdapterTests).Assembly.Location, Profile = "trimmed",
            ProjectInvariantGlobalization = projectValue, SizeLevel = level, ScanFile = Path.Combine(temp.Path, "app-scan.json"),
        };

        Assert.IsTrue(task.Execute());

        Assert.AreEqual(expected, task.InvariantGlobalization);
        Assert.AreEqual(warning, engine.Warnings.Select(w => w.Code).FirstOrDefault(c => c == "SLIM1011"));
        Assert.IsFalse(engine.Messages.Any(m => m.Code == "SLIM1017"));
    }

    [TestMethod]
    public void Satellite_resources_keep_globalization_on_where_slim_chooses()
    {
        // Measured: a console app with Strings.de.resx, no culture call, run with LANG=de_DE.UTF-8 printed "Hallo" and
        // German dates without Slim, "Hello" and invariant dates once Slim had set InvariantGlobalization=true.
        using var temp = new TempFolder();
        var app = ManagedFixtures.Calling(temp.Path, "PlainApp");
        SlimAnalyzeApp Analyze(RecordingBuildEngine engine, params Microsoft.Build.Framework.ITaskItem[] resources) => new()
        {
            BuildEngine = engine, AppAssembly = app, Profile = "framework", ScanFile = Path.Combine(temp.Path, "app-scan.json"), LocalizedResources = resources,
        };
        var german = new TaskItem("Strings.de.resx");
        german.SetMetadata("Culture", "de");
        var fromProject = new TaskItem(Path.Combine(temp.Path, "fr", "Lib.resources.dll"));

        var plain = Analyze(new RecordingBuildEngine());
        Assert.IsTrue(plain.Execute());
        Assert.AreEqual("true", plain.InvariantGlobalization, "control: the assembly asks for no named culture");

        var engine = new RecordingBuildEngine();
        var localized = Analyze(engine, german, fromProject);
        Assert.IsTrue(localized.Execute());
        Assert.AreEqual("false", localized.InvariantGlobalization);
        var kept = engine.Messages.Single(m => m.Code == "SLIM1017");
        StringAssert.Contains(kept.Message, "ships satellite resources for de, fr (Strings.de.resx, fr/Lib.resources.dll)");
    }
}
