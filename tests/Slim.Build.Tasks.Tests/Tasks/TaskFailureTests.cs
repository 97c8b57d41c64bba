using Slim.Build.Tasks.Analysis;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>Exceptions and diagnostics as MSBuild shows them: through real tasks and the recording engine.</summary>
[TestClass]
public sealed class TaskFailureTests
{
    /// <summary>A task whose plain code breaks an invariant, the way a Slim bug would.</summary>
    private sealed class BrokenTask : SlimTask
    {
        private protected override void Run(IDiagnostics diagnostics) => Explode();

        private static void Explode() => throw new InvalidOperationException("the plan lost a file");
    }

    [TestMethod]
    public void A_file_error_is_SLIM3002_naming_the_step_and_the_path()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 2000);
        var notAFolder = temp.File("slim", 10);
        var engine = new RecordingBuildEngine();
        var task = new SlimWriteReport
        {
            BuildEngine = engine, PublishDirectory = Path.Combine(temp.Path, "publish"), LedgerDirectory = Path.Combine(temp.Path, "ledger"),
            ReportDirectory = notAFolder, StateDirectory = Path.Combine(temp.Path, "state"), ProjectName = "App",
            BudgetsFile = Path.Combine(temp.Path, "budgets.json"),
        };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM3002", error.Code);
        StringAssert.StartsWith(error.Message, "Slim's step SlimWriteReport could not read or write a file: ");
        StringAssert.Contains(error.Message, notAFolder);
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim3002", error.HelpLink);
        Assert.IsTrue(engine.Messages.Any(m => m.Importance == MessageImportance.Low && m.Message!.Contains("IOException")),
            "the exception is not in the detailed log");
    }

    [TestMethod]
    public void An_unexpected_exception_is_SLIM9001_with_the_stack_at_low_importance_only()
    {
        var engine = new RecordingBuildEngine();
        Assert.IsFalse(new BrokenTask { BuildEngine = engine }.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM9001", error.Code);
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim9001", error.HelpLink);
        StringAssert.StartsWith(error.Message, "Slim failed unexpectedly in BrokenTask: the plan lost a file.");
        Assert.IsFalse(error.Message!.Contains(nameof(InvalidOperationException)) || error.Message.Contains(" at "), "the stack trace is in the error text: " + error.Message);

        var stack = engine.Messages.Single(m => m.Message!.Contains(nameof(InvalidOperationException)));
        Assert.AreEqual(MessageImportance.Low, stack.Importance);
        StringAssert.Contains(stack.Message, "the plan lost a file");
        StringAssert.Contains(stack.Message, "at Slim.Build.Tasks.Tests.Tasks.TaskFailureTests.BrokenTask.Explode()");
    }

    [TestMethod]
    public void A_file_over_SlimMaxFileSize_fails_with_SLIM6002_naming_the_file()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 2000);
        temp.File("publish/libbig.so", 5000);
        var report = ReportBuilder.Build(Path.Combine(temp.Path, "publish"), [], new ToolInfo("Slim", "1"), new ProjectInfo("App", "aot", "safe", "net10.0", "linux-x64"),
            [], null, new AnalysisWarnings(0, [], "none"), BudgetSettings.None with { MaxFileSize = new ByteSize(4999) });
        ReportWriter.Write(report, Path.Combine(temp.Path, "slim"));

        var engine = new RecordingBuildEngine();
        Assert.IsFalse(new SlimEnforceBudgets { BuildEngine = engine, ReportFile = Path.Combine(temp.Path, "slim", "report.json"), ProjectName = "App" }.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM6002", error.Code);
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim6002", error.HelpLink);
        StringAssert.StartsWith(error.Message, "'libbig.so' is 5 KB");
        StringAssert.Contains(error.Message, "over SlimMaxFileSize");
        Assert.IsFalse(error.Message!.Contains("'App'"), "the file under the limit was named: " + error.Message);
    }

    [TestMethod]
    [DataRow(true, false, "NativeAOT")]
    [DataRow(false, true, "trimmed")]
    public void SlimProfile_framework_with_a_self_contained_publish_fails_with_SLIM1002(bool publishAot, bool publishTrimmed, string publishes)
    {
        var engine = new RecordingBuildEngine();
        var task = new SlimValidateSettings
        {
            BuildEngine = engine, ProjectName = "App", Profile = "framework", PublishAot = publishAot, PublishTrimmed = publishTrimmed, SelfContained = true,
            RuntimeIdentifier = "linux-x64", BudgetsFile = Path.Combine(Path.GetTempPath(), $"slim-budgets-{Guid.NewGuid():N}.json"),
        };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM1002", error.Code);
        StringAssert.StartsWith(error.Message, $"SlimProfile is 'framework', but the project publishes {publishes} (PublishAot='{(publishAot ? "true" : "false")}', PublishTrimmed='{(publishTrimmed ? "true" : "false")}')");
        Assert.IsFalse(engine.Messages.Any(m => m.Code == "SLIM1010"), "the framework notice was shown for a publish that is not framework-dependent");
    }

    [TestMethod]
    [DataRow("trimmed", true)]
    [DataRow("aot", false)]
    [DataRow("framework", false)]
    public void CreateSlimBuilder_warns_SLIM1013_only_for_the_trimmed_profile(string profile, bool warns)
    {
        using var temp = new TempFolder();
        var app = ManagedFixtures.WebApp(temp.Path);
        var engine = new RecordingBuildEngine();

        Assert.IsTrue(new SlimAnalyzeApp { BuildEngine = engine, AppAssembly = app, Profile = profile, ScanFile = Path.Combine(temp.Path, "app-scan.json") }.Execute());

        var warnings = engine.Warnings.Where(w => w.Code == "SLIM1013").ToList();
        Assert.AreEqual(warns ? 1 : 0, warnings.Count, string.Join("\n", engine.Warnings.Select(w => w.Code + " " + w.Message)));
        if (warns)
        {
            StringAssert.StartsWith(warnings[0].Message, "WebApp.dll calls WebApplication.CreateSlimBuilder and publishes with the trimmed profile");
            Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim1013", warnings[0].HelpLink);
        }
    }
}
