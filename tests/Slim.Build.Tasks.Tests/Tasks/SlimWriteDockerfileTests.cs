using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class SlimWriteDockerfileTests
{
    private static SlimWriteDockerfile Task(TempFolder temp, RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectFile = temp.File("sol/App/App.csproj"),
        ProjectReferences = [new TaskItem(temp.File("sol/Lib/Lib.csproj"))],
        PublishDirectory = Path.Combine(temp.Path, "sol/App/bin/Release/net10.0/linux-x64/publish"),
        OutputDirectory = Path.Combine(temp.Path, "sol/App/bin/Release/net10.0/linux-x64/slim"),
        Profile = "aot", TargetFramework = "net10.0", RuntimeIdentifier = "linux-x64", AppName = "App", InvariantGlobalization = true,
    };

    [TestMethod]
    public void Writes_the_three_files_into_the_slim_folder_and_a_committed_copy_when_asked()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(temp, engine);
        task.CommittedCopyDirectory = Path.Combine(temp.Path, "sol");

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        foreach (var name in new[] { "Dockerfile", "Dockerfile.prebuilt", ".dockerignore" })
            Assert.IsTrue(File.Exists(Path.Combine(task.OutputDirectory, name)), name);
        var dockerfile = File.ReadAllText(Path.Combine(task.OutputDirectory, "Dockerfile"));
        Assert.AreEqual(dockerfile, File.ReadAllText(Path.Combine(temp.Path, "sol/Dockerfile")));
        StringAssert.Contains(dockerfile, "COPY [\"Lib/Lib.csproj\", \"Lib/\"]");
        StringAssert.Contains(File.ReadAllText(Path.Combine(task.OutputDirectory, "Dockerfile.prebuilt")),
            "-t app bin/Release/net10.0/linux-x64/publish\n");
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "sol/Dockerfile.prebuilt")), "the prebuilt file's context is a bin/ folder; it is not committed");
    }

    [TestMethod]
    public void A_bad_container_setting_fails_with_its_code_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(temp, engine);
        task.ContainerPorts = [new TaskItem("eighty")];

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("SLIM1030", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "ContainerPort 'eighty'");
        Assert.IsFalse(Directory.Exists(task.OutputDirectory));
    }
}
