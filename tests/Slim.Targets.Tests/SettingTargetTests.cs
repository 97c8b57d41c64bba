using Microsoft.Build.Execution;

namespace Slim.Targets.Tests;

/// <summary>The switches and extension points a project sets, observed in the evaluated project and in the targets that run.</summary>
[TestClass]
public sealed class SettingTargetTests
{
    [TestMethod]
    public void SlimMoveSymbols_false_leaves_the_sdk_copying_symbols()
    {
        using var moving = new SlimProject("<PublishAot>true</PublishAot>");
        Assert.AreEqual("false", moving["CopyOutputSymbolsToPublishDirectory"]);

        using var notMoving = new SlimProject("<PublishAot>true</PublishAot><SlimMoveSymbols>false</SlimMoveSymbols>");
        Assert.AreEqual("true", notMoving["CopyOutputSymbolsToPublishDirectory"], "Slim stopped the SDK copying symbols it does not move itself");
    }

    [TestMethod]
    public void SlimReport_false_skips_the_report_and_the_budget_gate_and_names_the_unchecked_budget()
    {
        using var project = new SlimProject("<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><SlimMaxPublishSize>1B</SlimMaxPublishSize>");
        Directory.CreateDirectory(Path.Combine(project.Folder, "bin", "publish"));
        project.Project.SetProperty("PublishDir", "bin/publish/");

        var validation = project.Execute("SlimValidateSettings");
        Assert.IsTrue(validation.Passed, validation.Output);
        StringAssert.Contains(validation.Output, "warning SLIM1016");
        StringAssert.Contains(validation.Output, "SlimMaxPublishSize");

        var after = project.Execute("SlimAfterPublish", "SlimReport", "SlimBudgets");
        Assert.IsTrue(after.Passed, after.Output);
        Assert.AreEqual(TargetResultCode.Skipped, after.Targets["SlimReport"]);
        Assert.AreEqual(TargetResultCode.Skipped, after.Targets["SlimBudgets"]);
        Assert.IsFalse(File.Exists(Path.Combine(project.Folder, "bin", "slim", "report.json")));
    }

    [TestMethod]
    public void SlimImage_false_names_the_image_budgets_it_leaves_unchecked()
    {
        using var off = new SlimProject("<SlimImage>false</SlimImage><SlimMaxImageSize>5MB</SlimMaxImageSize><SlimMaxImageUnpackedSize>9MB</SlimMaxImageUnpackedSize>");
        var validation = off.Execute("SlimValidateSettings");
        Assert.IsTrue(validation.Passed, validation.Output);
        StringAssert.Contains(validation.Output, "warning SLIM4043");
        StringAssert.Contains(validation.Output, "SlimMaxImageSize and SlimMaxImageUnpackedSize");

        // The negative control: with the image on, the same budgets are checked and nothing is said.
        using var on = new SlimProject("<SlimMaxImageSize>5MB</SlimMaxImageSize>");
        var checkedRun = on.Execute("SlimValidateSettings");
        Assert.IsTrue(checkedRun.Passed, checkedRun.Output);
        Assert.IsFalse(checkedRun.Output.Contains("SLIM4043"), checkedRun.Output);
    }

    [TestMethod]
    public void SlimReport_on_writes_the_report_and_runs_the_gate()
    {
        // The negative control of the test above: the same run with the report on measures and gates.
        using var project = new SlimProject("<SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><SlimMaxPublishSize>1B</SlimMaxPublishSize>");
        Directory.CreateDirectory(Path.Combine(project.Folder, "bin", "publish"));
        File.WriteAllBytes(Path.Combine(project.Folder, "bin", "publish", "App"), new byte[10]);
        project.Project.SetProperty("PublishDir", "bin/publish/");

        var after = project.Execute("SlimAfterPublish");
        Assert.IsFalse(after.Passed, "10 bytes over a 1-byte budget passed: " + after.Output);
        StringAssert.Contains(after.Output, "error SLIM6001");
        Assert.IsTrue(File.Exists(Path.Combine(project.Folder, "bin", "slim", "report.json")));
    }

    /// <summary>The CI variables a project is judged by, cleared: the test process may run in CI itself (.ci/run exports CI=true).</summary>
    private const string NoCiServer = "<CI></CI><TF_BUILD></TF_BUILD><GITHUB_ACTIONS></GITHUB_ACTIONS><GITLAB_CI></GITLAB_CI><JENKINS_URL></JENKINS_URL>"
        + "<TEAMCITY_VERSION></TEAMCITY_VERSION><CODEBUILD_BUILD_ID></CODEBUILD_BUILD_ID><ContinuousIntegrationBuild></ContinuousIntegrationBuild>";

    /// <summary>SlimProject turns the measurement off for every other test; this empties it again so Slim's default decides.</summary>
    private const string DefaultMeasurement = "<SlimMeasurePlainPublish></SlimMeasurePlainPublish>";

    [TestMethod]
    [DataRow("<CI>true</CI>", "CI=true")]
    [DataRow("<CI>1</CI>", "CI=1")]
    [DataRow("<TF_BUILD>True</TF_BUILD>", "TF_BUILD=True")]
    [DataRow("<GITHUB_ACTIONS>true</GITHUB_ACTIONS>", "GITHUB_ACTIONS=true")]
    [DataRow("<GITLAB_CI>true</GITLAB_CI>", "GITLAB_CI=true")]
    [DataRow("<JENKINS_URL>https://ci.example/</JENKINS_URL>", "JENKINS_URL set")]
    [DataRow("<ContinuousIntegrationBuild>true</ContinuousIntegrationBuild>", "ContinuousIntegrationBuild=true")]
    public void SlimMeasurePlainPublish_defaults_to_false_on_a_ci_server_and_the_report_is_told_why(string server, string named)
    {
        using var ci = new SlimProject(DefaultMeasurement + NoCiServer + server);
        Assert.AreEqual("false", ci["SlimMeasurePlainPublish"]);
        Assert.AreEqual($"a CI build ({named}), where SlimMeasurePlainPublish defaults to false; true measures it", ci["_SlimPlainPublishNotMeasured"]);

        // Asked for on the CI server: measured, with nothing to excuse.
        using var asked = new SlimProject(NoCiServer + server + "<SlimMeasurePlainPublish>true</SlimMeasurePlainPublish>");
        Assert.AreEqual("true", asked["SlimMeasurePlainPublish"]);
        Assert.AreEqual("", asked["_SlimPlainPublishNotMeasured"]);
    }

    [TestMethod]
    public void SlimMeasurePlainPublish_defaults_to_true_off_a_ci_server_and_false_says_so()
    {
        using var desk = new SlimProject(DefaultMeasurement + NoCiServer + "<CI>false</CI>");
        Assert.AreEqual("true", desk["SlimMeasurePlainPublish"]);
        Assert.AreEqual("", desk["_SlimPlainPublishNotMeasured"]);

        using var off = new SlimProject(NoCiServer + "<SlimMeasurePlainPublish>false</SlimMeasurePlainPublish>");
        Assert.AreEqual("SlimMeasurePlainPublish=false", off["_SlimPlainPublishNotMeasured"]);
    }

    [TestMethod]
    public void A_ci_build_report_says_why_no_plain_publish_was_measured()
    {
        // NativeAOT: Slim's switches change what ILC emits, so no figure stands without a measurement.
        using var project = new SlimProject(DefaultMeasurement + NoCiServer + "<GITHUB_ACTIONS>true</GITHUB_ACTIONS><PublishAot>true</PublishAot>"
            + "<SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage>");
        Directory.CreateDirectory(Path.Combine(project.Folder, "bin", "publish"));
        File.WriteAllBytes(Path.Combine(project.Folder, "bin", "publish", "App"), new byte[10]);
        project.Project.SetProperty("PublishDir", "bin/publish/");

        var after = project.Execute("SlimAfterPublish", "SlimMeasurePlainPublish");
        Assert.IsTrue(after.Passed, after.Output);
        Assert.AreEqual(TargetResultCode.Skipped, after.Targets["SlimMeasurePlainPublish"]);
        var report = File.ReadAllText(Path.Combine(project.Folder, "bin", "slim", "report.json"));
        StringAssert.Contains(report, "\"plainPublishBytes\": null");
        StringAssert.Contains(report, "\"plainPublishNotMeasured\": \"a CI build (GITHUB_ACTIONS=true), where SlimMeasurePlainPublish defaults to false; true measures it\"");
        StringAssert.Contains(after.Output, "plain publish not measured: a CI build (GITHUB_ACTIONS=true)");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void A_publish_without_an_image_leaves_no_earlier_image_nor_its_sbom_behind(bool sbom)
    {
        using var project = new SlimProject($"<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><SlimSbom>{sbom.ToString().ToLowerInvariant()}</SlimSbom>");
        Directory.CreateDirectory(Path.Combine(project.Folder, "bin", "publish"));
        project.Project.SetProperty("PublishDir", "bin/publish/");
        var slim = Path.Combine(project.Folder, "bin", "slim");
        Directory.CreateDirectory(slim);
        // What the previous publish, with an image, left.
        string[] earlier = ["image.tar", "image.docker.tar", "App.cdx.json"];
        foreach (var file in earlier)
            File.WriteAllText(Path.Combine(slim, file), "earlier image");
        var imageJson = Path.Combine(project.Folder, project["IntermediateOutputPath"].Replace('\\', '/'), "slim", "image.json");
        Directory.CreateDirectory(Path.GetDirectoryName(imageJson)!);
        File.WriteAllText(imageJson, "{}");

        var run = project.Execute("SlimAfterPublish");

        Assert.IsTrue(run.Passed, run.Output);
        Assert.IsFalse(File.Exists(Path.Combine(slim, "image.tar")), "a CI job uploading slim/*.tar would ship the earlier image");
        Assert.IsFalse(File.Exists(Path.Combine(slim, "image.docker.tar")));
        Assert.IsFalse(File.Exists(imageJson), "the earlier image's record");
        var sbomFile = Path.Combine(slim, "App.cdx.json");
        Assert.AreEqual(sbom, File.Exists(sbomFile), "with SlimSbom the publish folder's SBOM is written again; without, none");
        if (sbom)
            Assert.AreNotEqual("earlier image", File.ReadAllText(sbomFile));
    }

    [TestMethod]
    public void SlimDockerfile_false_skips_the_dockerfile_and_the_container_description()
    {
        using var off = new SlimProject("<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage>");
        var skipped = off.Execute("SlimAfterPublish", "SlimDescribeContainer", "SlimDockerfile");
        Assert.IsTrue(skipped.Passed, skipped.Output);
        Assert.AreEqual(TargetResultCode.Skipped, skipped.Targets["SlimDockerfile"]);
        Assert.AreEqual(TargetResultCode.Skipped, skipped.Targets["SlimDescribeContainer"]);
        Assert.AreEqual(0, Directory.GetFiles(off.Folder, "Dockerfile*", SearchOption.AllDirectories).Length);

        using var on = new SlimProject("<SlimReport>false</SlimReport><SlimImage>false</SlimImage>");
        var written = on.Execute("SlimAfterPublish", "SlimDockerfile");
        Assert.IsTrue(written.Passed, written.Output);
        Assert.AreEqual(TargetResultCode.Success, written.Targets["SlimDockerfile"]);
        Assert.AreEqual(1, Directory.GetFiles(on.Folder, "Dockerfile", SearchOption.AllDirectories).Length);
    }

    [TestMethod]
    public void SlimPushImage_runs_only_with_ContainerRegistry_and_warns_when_there_is_no_image()
    {
        using var plain = new SlimProject("<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage>");
        var skipped = plain.Execute("SlimAfterPublish", "SlimPushImage");
        Assert.IsTrue(skipped.Passed, skipped.Output);
        Assert.AreEqual(TargetResultCode.Skipped, skipped.Targets["SlimPushImage"]);

        using var noImage = new SlimProject("<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><ContainerRegistry>localhost:5000</ContainerRegistry>");
        var warned = noImage.Execute("SlimAfterPublish", "SlimPushImage");
        Assert.IsTrue(warned.Passed, warned.Output);
        StringAssert.Contains(warned.Output, "warning SLIM5011");

        using var badHost = new SlimProject("<SlimReport>false</SlimReport><SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><ContainerRegistry>https://ghcr.io/org</ContainerRegistry>");
        var refused = badHost.Execute("SlimAfterPublish", "SlimPushImage");
        Assert.IsFalse(refused.Passed, refused.Output);
        StringAssert.Contains(refused.Output, "error SLIM5015");
    }

    [TestMethod]
    public void SlimOutputDirectory_set_by_the_project_wins_and_is_resolved_against_the_project()
    {
        using var project = new SlimProject("<SlimOutputDirectory>size/out</SlimOutputDirectory>");
        var run = project.Execute("_SlimComputePaths");
        Assert.IsTrue(run.Passed, run.Output);
        Assert.AreEqual(Path.Combine(project.Folder, "size", "out") + "/", run["SlimOutputDirectory"]);
        Assert.AreEqual(Path.Combine(project.Folder, "size", "out", "symbols") + "/", run["SlimSymbolsDirectory"]);
    }

    [TestMethod]
    public void A_publish_folder_inside_the_project_gets_slim_beside_it()
    {
        using var project = new SlimProject("<PublishDir>bin/pub/</PublishDir>");
        var run = project.Execute("_SlimComputePaths");
        Assert.IsTrue(run.Passed, run.Output);
        Assert.AreEqual(Path.Combine(project.Folder, "bin", "slim") + "/", run["SlimOutputDirectory"]);
    }

    [TestMethod]
    public void A_publish_folder_outside_the_project_gets_a_slim_folder_per_project()
    {
        // A sibling whose name starts with the project folder's: outside, though its path starts with the same characters.
        using var project = new SlimProject("");
        var outside = project.Folder + "-out/publish/";
        project.Project.SetProperty("PublishDir", outside);
        var run = project.Execute("_SlimComputePaths");
        Assert.IsTrue(run.Passed, run.Output);
        Assert.AreEqual(project.Folder + "-out/slim/App/", run["SlimOutputDirectory"]);
    }

    [TestMethod]
    public void CustomBeforeSlimTargets_and_CustomAfterSlimTargets_are_imported_around_slims_defaults()
    {
        var before = Path.Combine(Path.GetTempPath(), $"slim-before-{Guid.NewGuid():N}.targets");
        var after = Path.Combine(Path.GetTempPath(), $"slim-after-{Guid.NewGuid():N}.targets");
        try
        {
            // Before Slim's defaults: a level set there is the project's. After: Slim's values are there to read.
            File.WriteAllText(before, "<Project><PropertyGroup><SlimSizeLevel>aggressive</SlimSizeLevel><SeenBefore>$(SlimProfile)</SeenBefore></PropertyGroup></Project>");
            File.WriteAllText(after, "<Project><PropertyGroup><SeenAfter>$(SlimProfile)</SeenAfter></PropertyGroup></Project>");
            using var project = new SlimProject($"<PublishAot>true</PublishAot><CustomBeforeSlimTargets>{before}</CustomBeforeSlimTargets><CustomAfterSlimTargets>{after}</CustomAfterSlimTargets>");
            Assert.AreEqual("aggressive", project["SlimSizeLevel"]);
            Assert.AreEqual("true", project["UseSystemResourceKeys"], "the level from CustomBeforeSlimTargets did not reach the switches");
            Assert.AreEqual("", project["SeenBefore"], "CustomBeforeSlimTargets was imported after Slim's defaults");
            Assert.AreEqual("aot", project["SeenAfter"]);
        }
        finally
        {
            File.Delete(before);
            File.Delete(after);
        }
    }

    [TestMethod]
    public void Missing_CustomBeforeSlimTargets_and_CustomAfterSlimTargets_are_not_an_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"slim-missing-{Guid.NewGuid():N}.targets");
        using var project = new SlimProject($"<PublishAot>true</PublishAot><CustomBeforeSlimTargets>{missing}</CustomBeforeSlimTargets><CustomAfterSlimTargets>{missing}</CustomAfterSlimTargets>");
        Assert.AreEqual("aot", project["SlimProfile"]);
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
    }

    [TestMethod]
    public void A_projects_own_step_targets_run_first_and_slims_steps_follow_in_pipeline_order()
    {
        using var project = new SlimProject("<SlimProcessPublishFilesDependsOn>MyBeforeSteps</SlimProcessPublishFilesDependsOn><SlimAfterPublishDependsOn>MyAfterPublish</SlimAfterPublishDependsOn>");
        CollectionAssert.AreEqual(
            new[] { "_SlimEnterPipeline", "_SlimComputePaths", "_SlimPrepareOutputFolders", "MyBeforeSteps", "_SlimPlanPublishFiles", "SlimCopySymbols", "SlimStripNativeFiles", "_SlimRecordStrippedFiles",
                    "SlimResolveNeeds", "_SlimPlanUpx", "SlimUpx", "_SlimRecordPackedFiles", "_SlimPublishStepOutputs" },
            Steps(project["SlimProcessPublishFilesDependsOn"]), project["SlimProcessPublishFilesDependsOn"]);
        CollectionAssert.AreEqual(
            new[] { "_SlimComputePaths", "MyAfterPublish", "_SlimListOwnPublishFiles", "SlimDescribeContainer", "SlimDockerfile", "_SlimCollectSbom", "SlimImage", "_SlimForgetImage", "SlimSbom", "SlimReadAnalysisWarnings",
                    "SlimVerifyImage", "_SlimForgetChecks", "SlimWriteAttribution", "SlimReport", "SlimBudgets", "SlimPushImage", "_SlimReportPush" },
            Steps(project["SlimAfterPublishDependsOn"]), project["SlimAfterPublishDependsOn"]);
    }

    private static string[] Steps(string dependsOn) => dependsOn.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
