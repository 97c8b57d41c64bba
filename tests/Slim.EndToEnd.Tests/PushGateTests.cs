using Slim.EndToEnd.Tests.Infrastructure;
using Slim.Tests.Shared;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// Nothing leaves the machine until every gate has passed: an over-budget image, or one that fails a check raised
/// to an error, is not pushed (in many CIs the tag is `latest`), and the report is still written. A framework-dependent
/// console app keeps the publishes short.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class PushGateTests
{
    [TestMethod]
    public void A_failed_gate_pushes_nothing_and_still_writes_the_report_and_a_passing_publish_pushes()
    {
        using var registry = new LocalRegistry(parentFolder: SlimFeed.RunRoot);
        var app = TestApp.Console("GateApp", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>");
        string[] push = [$"-p:ContainerRegistry={registry.Host}", "-p:ContainerRepository=e2e/gate", "-p:ContainerImageTag=latest"];

        var overBudget = app.Publish([.. push, "-p:SlimMaxImageSize=1"]);

        Assert.AreNotEqual(0, overBudget.ExitCode, overBudget.Describe());
        StringAssert.Contains(overBudget.Output, "SLIM6005", overBudget.Describe());
        Assert.AreEqual(0, ManifestPuts(registry), "the over-budget image was pushed:\n" + registry.Log);
        Assert.IsTrue(File.Exists(Path.Combine(overBudget.SlimDirectory, "report.json")), "no report for the failed gate");

        app.Write("secrets.json", """{ "ConnectionString": "Password=hunter2" }""");
        app.Write("Directory.Build.targets", """
            <Project><ItemGroup><None Update="secrets.json" CopyToPublishDirectory="PreserveNewest" /></ItemGroup></Project>
            """);
        var failedCheck = app.Republish([.. push, "-p:SlimChecksAsErrors=true"]);

        Assert.AreNotEqual(0, failedCheck.ExitCode, failedCheck.Describe());
        StringAssert.Contains(failedCheck.Output, "error SLIM7014", failedCheck.Describe());
        Assert.AreEqual(0, ManifestPuts(registry), "the image that failed a check was pushed:\n" + registry.Log);
        var checks = Files.Json(Path.Combine(failedCheck.SlimDirectory, "report.json")).GetProperty("checks").ToString();
        StringAssert.Contains(checks, "SLIM7014", "the report was not written again after the failed check");
        Assert.AreEqual(0, registry.BlobUploadRequests("e2e/gate"), "blobs left the machine:\n" + registry.Log);

        // The negative control: the same app with the gates passing is pushed, and the report records it.
        File.Delete(Path.Combine(app.Directory, "secrets.json"));
        var passing = app.Republish(push);

        Assert.AreEqual(0, passing.ExitCode, passing.Describe());
        Assert.IsTrue(ManifestPuts(registry) > 0, registry.Log);
        var pushed = Files.Json(Path.Combine(passing.SlimDirectory, "report.json")).GetProperty("image").GetProperty("push");
        Assert.AreEqual($"{registry.Host}/e2e/gate:latest", pushed.GetProperty("references")[0].GetString());
        Assert.AreEqual(1, passing.Output.Split('\n').Count(l => l.Contains("Slim: report: ", StringComparison.Ordinal)),
            "the report after the push is written quietly:\n" + passing.Output);
    }

    private static int ManifestPuts(LocalRegistry registry) =>
        registry.Log.Split('\n').Count(l => l.Contains("http.request.method=PUT", StringComparison.Ordinal)
                                            && l.Contains("/v2/e2e/gate/manifests/", StringComparison.Ordinal));
}
