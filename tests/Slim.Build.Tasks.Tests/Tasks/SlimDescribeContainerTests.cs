using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class SlimDescribeContainerTests
{
    /// <summary>The task with a needs.json beside container.json: tzdata needed by a time-zone lookup.</summary>
    internal static SlimDescribeContainer Task(string containerFile, RecordingBuildEngine engine, string projectName = "App")
    {
        var needsFile = Path.Combine(Path.GetDirectoryName(containerFile)!, "needs.json");
        Directory.CreateDirectory(Path.GetDirectoryName(needsFile)!);
        var decision = new GlobalizationDecision(true, GlobalizationDecision.BySlim, "no culture calls", []);
        new RuntimeNeeds(decision, [new RuntimeNeed(NeedKind.Tzdata, true, "time zones", [new NeedEvidence("App.dll", "calls System.TimeZoneInfo.FindSystemTimeZoneById")])], [], [])
            .Save(needsFile);
        return new()
        {
            BuildEngine = engine, ContainerFile = containerFile, ProjectName = projectName, NeedsFile = needsFile,
            Profile = "aot", TargetFramework = "net10.0", RuntimeIdentifier = "linux-x64", AppName = projectName,
        };
    }

    [TestMethod]
    public void Writes_container_json_with_the_resolved_image_and_outputs_its_path()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(Path.Combine(temp.Path, "obj/slim/container.json"), engine);
        task.ContainerPorts = [new TaskItem("5000")];
        task.ContainerLabels = [new TaskItem("com.example.team", new Dictionary<string, string> { ["Value"] = "checkout" })];

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.AreEqual(Path.Combine(temp.Path, "obj/slim/container.json"), task.ContainerFile);
        var description = ContainerDescription.Load(task.ContainerFile);
        Assert.AreEqual("App", description.Project.ProjectName);
        Assert.AreEqual("1654", description.Spec.User);
        CollectionAssert.AreEqual(new[] { new ContainerPort(5000, "tcp") }, description.Spec.Ports.ToArray());
        Assert.AreEqual("checkout", description.Spec.Labels.Single(l => l.Name == "com.example.team").Value);
        Assert.AreEqual("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra", description.Spec.BaseImage, "needs.json says tzdata");
        StringAssert.Contains(description.Spec.BaseReason, "App.dll calls System.TimeZoneInfo.FindSystemTimeZoneById");
    }

    [TestMethod]
    public void Root_warns_on_every_run_while_an_unchanged_description_keeps_its_timestamp()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "container.json");
        var first = new RecordingBuildEngine();
        var task = Task(path, first);
        task.ContainerUser = "root";
        Assert.IsTrue(task.Execute());
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        var second = new RecordingBuildEngine();
        task = Task(path, second);
        task.ContainerUser = "root";
        Assert.IsTrue(task.Execute());

        foreach (var engine in new[] { first, second })
            Assert.AreEqual("SLIM1033", engine.Warnings.Single().Code);
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(path), "container.json was rewritten with the same content");
    }

    [TestMethod]
    [DataRow("ContainerPorts", "SLIM1030")]
    [DataRow("ContainerEnvironmentVariables", "SLIM1032")]
    [DataRow("ContainerWorkingDirectory", "SLIM1034")]
    [DataRow("BaseImage", "SLIM4001")]
    public void A_bad_setting_fails_with_its_code_and_writes_nothing(string setting, string code)
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(Path.Combine(temp.Path, "container.json"), engine);
        switch (setting)
        {
            case "ContainerPorts": task.ContainerPorts = [new TaskItem("eighty")]; break;
            case "ContainerEnvironmentVariables": task.ContainerEnvironmentVariables = [new TaskItem("A=B")]; break;
            case "ContainerWorkingDirectory": task.ContainerWorkingDirectory = "app"; break;
            default: task.BaseImage = "my base"; break;
        }

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(code, engine.Errors.Single().Code);
        Assert.IsFalse(File.Exists(task.ContainerFile));
    }
}
