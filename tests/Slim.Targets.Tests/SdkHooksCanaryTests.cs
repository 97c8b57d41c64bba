namespace Slim.Targets.Tests;

/// <summary>
/// Canaries for the SDK-private names Slim.SdkHooks.targets relies on, read from the SDK that runs the tests (no
/// package cache involved, so they always run and fail, never skip, when the SDK changes the shape a hook needs).
/// </summary>
[TestClass]
public sealed class SdkHooksCanaryTests
{
    [TestMethod]
    public void The_Web_SDK_still_writes_web_config_in_DotNetCLIPostPublish_after_Publish_and_Slim_runs_it_first()
    {
        using var web = new SlimProject("", sdk: "Microsoft.NET.Sdk.Web");
        Assert.IsTrue(web.Project.Targets.TryGetValue("_DotNetCLIPostPublish", out var theirs),
            "the Web SDK no longer defines _DotNetCLIPostPublish: Slim.SdkHooks.targets' _SlimWebPostPublish must find the new hook");
        StringAssert.Contains(theirs.AfterTargets, "Publish", "_DotNetCLIPostPublish no longer runs after Publish");
        Assert.AreEqual("$(_DotNetCLIPostPublishDependsOn)", theirs.DependsOnTargets.Trim());
        var dependsOn = web["_DotNetCLIPostPublishDependsOn"];
        StringAssert.Contains(dependsOn, "_AspNetCoreProjectSystemPostPublish", "the Web SDK's post-publish steps changed: " + dependsOn);
        StringAssert.Contains(web["_AspNetCoreProjectSystemPostPublishDependsOn"], "_TransformWebConfig", "the Web SDK writes web.config elsewhere now");

        var ours = web.Project.Targets["_SlimWebPostPublish"];
        Assert.AreEqual("_DotNetCLIPostPublish", ours.DependsOnTargets);
        StringAssert.Contains(web.Project.Targets["SlimAfterPublish"].DependsOnTargets, "_SlimWebPostPublish");
        Assert.IsTrue(web.Project.CreateProjectInstance().EvaluateCondition(ours.Condition), "the hook is off for a web project");
    }

    [TestMethod]
    public void Without_the_Web_SDK_the_hook_runs_nothing()
    {
        using var console = new SlimProject("");
        Assert.IsFalse(console.Project.CreateProjectInstance().EvaluateCondition(console.Project.Targets["_SlimWebPostPublish"].Condition));
    }

    [TestMethod]
    public void SDK_private_names_appear_in_Slim_SdkHooks_targets_only()
    {
        var files = Directory.GetFiles(SlimProject.BuildFolder).Concat(Directory.GetFiles(SlimProject.SdkFolder))
            .Where(f => f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal));
        var offenders = files.Where(f => Path.GetFileName(f) != "Slim.SdkHooks.targets")
            .SelectMany(f => SdkPrivateNames.In(File.ReadAllText(f)).Select(n => $"{Path.GetFileName(f)}: {n}")).ToList();
        Assert.AreEqual(0, offenders.Count, string.Join("\n", offenders));
        Assert.IsTrue(SdkPrivateNames.In(File.ReadAllText(Path.Combine(SlimProject.BuildFolder, "Slim.SdkHooks.targets"))).Any(),
            "the finder finds nothing even in the hooks file: it is broken");
    }
}
