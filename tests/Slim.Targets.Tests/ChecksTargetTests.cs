namespace Slim.Targets.Tests;

/// <summary>Where the checklist sits in the pipeline and what it defaults to.</summary>
[TestClass]
public sealed class ChecksTargetTests
{
    [TestMethod]
    public void The_checklist_runs_after_the_image_and_before_the_report_and_only_warns_by_default()
    {
        using var project = new SlimProject("");
        var steps = project["SlimAfterPublishDependsOn"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var image = steps.IndexOf("SlimImage");
        var verify = steps.IndexOf("SlimVerifyImage");
        var report = steps.IndexOf("SlimReport");
        Assert.IsTrue(image >= 0 && image < verify && verify < report, string.Join(";", steps));
        Assert.AreEqual("true", project["SlimChecks"]);
        Assert.AreEqual("false", project["SlimChecksAsErrors"]);
        Assert.AreEqual("false", project["SlimSmokeRun"]);
    }

    [TestMethod]
    public void The_project_s_values_win()
    {
        using var project = new SlimProject("<SlimChecksAsErrors>SLIM7001;SLIM7007</SlimChecksAsErrors><SlimSmokeRun>true</SlimSmokeRun>");
        Assert.AreEqual("SLIM7001;SLIM7007", project["SlimChecksAsErrors"]);
        Assert.AreEqual("true", project["SlimSmokeRun"]);
    }
}
