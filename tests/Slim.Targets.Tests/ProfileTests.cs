using System.Runtime.InteropServices;

namespace Slim.Targets.Tests;

/// <summary>How the targets read the project: profile detection, switches, and the user's values winning.</summary>
[TestClass]
public sealed class ProfileTests
{
    [TestMethod]
    public void PublishAot_gives_the_aot_profile_with_its_size_switches()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>");
        Assert.AreEqual("aot", project["SlimProfile"]);
        Assert.AreEqual("Size", project["OptimizationPreference"]);
        Assert.AreEqual("true", project["InvariantGlobalization"]);
        Assert.AreEqual("false", project["EventSourceSupport"]);
        Assert.AreEqual("false", project["CopyOutputSymbolsToPublishDirectory"], "the SDK must not copy the .dbg into publish");
        CollectionAssert.Contains(project.SwitchesSet.ToList(), "OptimizationPreference=Size");
        StringAssert.Contains(project["AfterMicrosoftNETSdkTargets"], "Slim.Late.targets");
    }

    [TestMethod]
    public void A_switch_the_project_sets_wins_and_is_not_reported_as_slims()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><InvariantGlobalization>false</InvariantGlobalization><OptimizationPreference>Speed</OptimizationPreference>");
        Assert.AreEqual("false", project["InvariantGlobalization"]);
        Assert.AreEqual("Speed", project["OptimizationPreference"]);
        Assert.IsFalse(project.SwitchesSet.Any(s => s.StartsWith("InvariantGlobalization") || s.StartsWith("OptimizationPreference")), string.Join(";", project.SwitchesSet));
        Assert.AreEqual("", project["_SlimSetInvariantGlobalization"]);
        Assert.AreEqual("", project["SatelliteResourceLanguages"], "satellites stay when globalization is not invariant");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void A_metrics_switch_the_app_relies_on_goes_back_to_the_sdk_default_after_compile(bool observesMetrics)
    {
        // Measured: a trimmed app's MeterListener counted 0 instead of 7 once Slim had set MetricsSupport=false.
        using var project = new SlimProject("<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        Assert.AreEqual("false", project["MetricsSupport"], "Slim's first guess, before the code is read");
        var app = Path.Combine(project.Folder, project["IntermediateOutputPath"].Replace('\\', '/'), "App.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        // An assembly that uses System.Diagnostics.Metrics (Microsoft.Extensions.Diagnostics), or one that does not (Slim's gzip program).
        var aspNetCore = Directory.GetDirectories(DotnetRoot.Shared("Microsoft.AspNetCore.App")).Max()!;
        File.Copy(observesMetrics ? Path.Combine(aspNetCore, "Microsoft.Extensions.Diagnostics.dll") : typeof(ProfileTests).Assembly.Location, app);

        var run = project.Execute("SlimAnalyzeApp", "_SlimCollectSwitches");

        Assert.IsTrue(run.Passed, run.Output);
        var knob = run.Instance.GetItems("RuntimeHostConfigurationOption").Where(i => i.EvaluatedInclude == "System.Diagnostics.Metrics.Meter.IsSupported").ToList();
        Assert.AreEqual(observesMetrics ? "" : "false", run["MetricsSupport"]);
        Assert.AreEqual(observesMetrics ? 0 : 1, knob.Count, "the runtime knob ILLink and runtimeconfig.json read");
        var reported = run.Instance.GetItems("_SlimSwitch").Select(i => i.EvaluatedInclude).ToList();
        Assert.AreEqual(!observesMetrics, reported.Contains("MetricsSupport=false"), "the report's list: " + string.Join(" | ", reported));
        Assert.AreEqual("false", run["DebuggerSupport"], "the other switches stay");
    }

    [TestMethod]
    public void The_report_gets_one_item_per_switch_once_the_app_keeps_one()
    {
        // Measured: an app with a MeterListener reported {"name": ";EventSourceSupport", "value": "false;HttpActivity..."}.
        using var project = new SlimProject("<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        var app = Path.Combine(project.Folder, project["IntermediateOutputPath"].Replace('\\', '/'), "App.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        var aspNetCore = Directory.GetDirectories(Path.Combine(project["NetCoreRoot"], "shared", "Microsoft.AspNetCore.App")).Max()!;
        File.Copy(Path.Combine(aspNetCore, "Microsoft.Extensions.Diagnostics.dll"), app);

        var run = project.Execute("SlimAnalyzeApp", "_SlimCollectSwitches");

        Assert.IsTrue(run.Passed, run.Output);
        var switches = run.Instance.GetItems("_SlimSwitch").Select(i => i.EvaluatedInclude).ToList();
        var listed = string.Join(" | ", switches);
        Assert.IsTrue(switches.All(s => !s.Contains(';') && s.Split('=').Length == 2), listed);
        CollectionAssert.Contains(switches, "DebuggerSupport=false", listed);
        CollectionAssert.DoesNotContain(switches, "MetricsSupport=false", "the app observes metrics: " + listed);
    }

    [TestMethod]
    public void PublishTrimmed_with_SelfContained_gives_trimmed()
    {
        using var project = new SlimProject("<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        Assert.AreEqual("trimmed", project["SlimProfile"]);
        Assert.AreEqual("false", project["DebuggerSupport"]);
        Assert.AreEqual("", project["OptimizationPreference"], "an ILC switch has no business in a trimmed publish");
    }

    [TestMethod]
    public void No_publish_settings_give_framework_with_only_what_changes_the_image()
    {
        using var project = new SlimProject("");
        Assert.AreEqual("framework", project["SlimProfile"]);
        Assert.AreEqual("true", project["InvariantGlobalization"]);
        Assert.AreEqual("", project["EventSourceSupport"]);
    }

    [TestMethod]
    public void The_aggressive_level_adds_switches_that_change_output()
    {
        using var safe = new SlimProject("<PublishAot>true</PublishAot>");
        Assert.AreEqual("", safe["UseSystemResourceKeys"]);
        using var aggressive = new SlimProject("<PublishAot>true</PublishAot><SlimSizeLevel>aggressive</SlimSizeLevel>");
        Assert.AreEqual("true", aggressive["UseSystemResourceKeys"]);
        Assert.AreEqual("false", aggressive["StackTraceSupport"]);
    }

    [TestMethod]
    public void A_class_library_gets_nothing_from_slim()
    {
        using var project = new SlimProject("<OutputType>Library</OutputType><PublishAot>true</PublishAot>");
        Assert.AreEqual("", project["_SlimActive"]);
        Assert.AreEqual("", project["InvariantGlobalization"]);
        Assert.AreEqual("", project["_SlimSwitchesSet"]);
    }

    [TestMethod]
    public void SlimEnabled_false_turns_everything_off()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><SlimEnabled>false</SlimEnabled>");
        Assert.AreEqual("", project["_SlimActive"]);
        Assert.AreEqual("", project["OptimizationPreference"]);
    }

    [TestMethod]
    [DataRow("aot", "PublishAot", "true")]
    [DataRow("trimmed", "PublishTrimmed", "true")]
    [DataRow("trimmed", "SelfContained", "true")]
    public void The_sdk_mapping_sets_what_restore_needs_for_the_profile(string profile, string property, string expected)
    {
        using var project = new SlimProject($"<SlimProfile>{profile}</SlimProfile>", sdkForm: true);
        Assert.AreEqual(expected, project[property]);
        Assert.AreEqual(HostRuntimeIdentifier(), project["RuntimeIdentifier"]);
        Assert.AreEqual(profile, project["_SlimDetectedProfile"], "the package targets must see what the SDK form set");
    }

    /// <summary>Spelled out, not computed the way Slim.Profile.targets computes it, so a wrong expression there shows.</summary>
    private static string HostRuntimeIdentifier()
    {
        switch (RuntimeInformation.OSArchitecture)
        {
            case Architecture.X64: return "linux-x64";
            case Architecture.Arm64: return "linux-arm64";
            default: Assert.Inconclusive("containers have no linux RID for " + RuntimeInformation.OSArchitecture); return "";
        }
    }

    [TestMethod]
    public void The_sdk_mapping_defaults_to_aot_and_leaves_the_projects_rid_alone()
    {
        using var project = new SlimProject("<RuntimeIdentifier>linux-arm64</RuntimeIdentifier>", sdkForm: true);
        Assert.AreEqual("aot", project["SlimProfile"]);
        Assert.AreEqual("true", project["PublishAot"]);
        Assert.AreEqual("linux-arm64", project["RuntimeIdentifier"]);
    }

    [TestMethod]
    public void The_analysis_log_is_an_output_of_the_compile_so_a_missing_one_compiles_again()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>");
        var log = project["_SlimAnalysisLog"];
        StringAssert.EndsWith(log, "slim-analysis.sarif");
        var run = project.Execute("_SlimAskForAnalysisLog");
        Assert.IsTrue(run.Passed, run.Output);
        StringAssert.StartsWith(run["ErrorLog"], log);
        CollectionAssert.Contains(run.Instance.GetItems("CustomAdditionalCompileOutputs").Select(i => i.EvaluatedInclude).ToList(), log);
    }

    [TestMethod]
    public void Without_a_trim_aot_or_single_file_analyzer_no_log_is_asked_for_and_an_old_one_is_removed()
    {
        using var project = new SlimProject("<SlimProfile>framework</SlimProfile><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        var log = project["_SlimAnalysisLog"];
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "{}");
        var run = project.Execute("_SlimAskForAnalysisLog");
        Assert.IsTrue(run.Passed, run.Output);
        Assert.AreEqual("", run["ErrorLog"]);
        CollectionAssert.DoesNotContain(run.Instance.GetItems("CustomAdditionalCompileOutputs").Select(i => i.EvaluatedInclude).ToList(), log);
        Assert.IsFalse(File.Exists(log), "a log from a compile with the analyzers on would count warnings this compile cannot have");

        using var trimmable = new SlimProject("<SlimProfile>framework</SlimProfile><RuntimeIdentifier>linux-x64</RuntimeIdentifier><EnableTrimAnalyzer>true</EnableTrimAnalyzer>");
        var asked = trimmable.Execute("_SlimAskForAnalysisLog");
        StringAssert.StartsWith(asked["ErrorLog"], trimmable["_SlimAnalysisLog"], "the project's own EnableTrimAnalyzer asks for the log");
    }
}
