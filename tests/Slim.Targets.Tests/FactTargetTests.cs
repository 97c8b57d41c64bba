using Microsoft.Build.Execution;

namespace Slim.Targets.Tests;

/// <summary>
/// Each fact has one step that computes it, before every step that reads it: the analysis warnings (read by the
/// checklist and the report), the SBOM request (read by the image and the SBOM beside it), the attribution (read by the report).
/// </summary>
[TestClass]
public sealed class FactTargetTests
{
    private static List<string> Steps(string dependsOn) =>
        [.. dependsOn.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [TestMethod]
    public void Each_fact_s_step_comes_before_its_readers_in_the_pipeline_and_alone()
    {
        using var project = new SlimProject("");
        var steps = Steps(project["SlimAfterPublishDependsOn"]);
        void Before(string fact, params string[] readers)
        {
            foreach (var reader in readers)
            {
                Assert.IsTrue(steps.IndexOf(fact) >= 0 && steps.IndexOf(fact) < steps.IndexOf(reader), $"{fact} before {reader}: {string.Join(";", steps)}");
                // Run alone (dotnet msbuild -t:Reader), the reader still gets the fact first.
                CollectionAssert.Contains(Steps(project.Project.Targets[reader].DependsOnTargets), fact, reader);
            }
        }
        Before("SlimReadAnalysisWarnings", "SlimVerifyImage", "SlimReport");
        Before("_SlimCollectSbom", "SlimImage", "SlimSbom");
        Before("SlimWriteAttribution", "SlimReport");
    }

    [TestMethod]
    public void Without_image_and_checklist_each_fact_is_still_written_once_and_the_report_carries_them()
    {
        using var project = new SlimProject("<SlimDockerfile>false</SlimDockerfile><SlimImage>false</SlimImage><SlimChecks>false</SlimChecks><Version>1.2.3</Version>");
        Directory.CreateDirectory(Path.Combine(project.Folder, "bin", "publish"));
        File.WriteAllBytes(Path.Combine(project.Folder, "bin", "publish", "App"), new byte[10]);
        project.Project.SetProperty("PublishDir", "bin/publish/");

        var run = project.Execute("SlimAfterPublish", "SlimReadAnalysisWarnings", "_SlimCollectSbom", "SlimSbom", "SlimWriteAttribution", "SlimVerifyImage");
        Assert.IsTrue(run.Passed, run.Output);
        foreach (var step in new[] { "SlimReadAnalysisWarnings", "_SlimCollectSbom", "SlimSbom", "SlimWriteAttribution" })
            Assert.AreEqual(TargetResultCode.Success, run.Targets[step], step);
        Assert.AreEqual(TargetResultCode.Skipped, run.Targets["SlimVerifyImage"]);

        var state = run["_SlimStateDir"];
        Assert.IsTrue(File.Exists(Path.Combine(state, "analysis-warnings.json")), "no analysis-warnings.json");
        Assert.IsTrue(File.Exists(Path.Combine(state, "sbom.json")), "no sbom.json");
        Assert.IsTrue(File.Exists(Path.Combine(state, "attribution.json")), "no attribution.json");
        var slim = Path.Combine(project.Folder, "bin", "slim");
        StringAssert.Contains(File.ReadAllText(Path.Combine(slim, "App.cdx.json")), "\"version\": \"1.2.3\"");
        var report = File.ReadAllText(Path.Combine(slim, "report.json"));
        StringAssert.Contains(report, "\"analysisWarnings\": {");
        StringAssert.Contains(report, "\"attribution\": {");
    }

    [TestMethod]
    public void SlimSbom_false_collects_nothing()
    {
        using var project = new SlimProject("<SlimSbom>false</SlimSbom>");
        var run = project.Execute("_SlimComputePaths", "_SlimCollectSbom", "SlimSbom");
        Assert.AreEqual(TargetResultCode.Skipped, run.Targets["_SlimCollectSbom"]);
        Assert.AreEqual(TargetResultCode.Skipped, run.Targets["SlimSbom"]);
    }
}
