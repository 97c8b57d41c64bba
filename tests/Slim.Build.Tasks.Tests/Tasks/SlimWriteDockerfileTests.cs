using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class SlimWriteDockerfileTests
{
    /// <summary>A solution sol/ with App (referencing Lib) and its container.json, as SlimDescribeContainer writes it.</summary>
    private static SlimWriteDockerfile Task(TempFolder temp, RecordingBuildEngine engine, string project = "App")
    {
        var containerFile = Path.Combine(temp.Path, $"sol/{project}/obj/slim/container.json");
        Assert.IsTrue(SlimDescribeContainerTests.Task(containerFile, engine, project).Execute());
        var inputs = new SlimCollectDockerfileInputs
        {
            BuildEngine = engine,
            ProjectFile = temp.File($"sol/{project}/{project}.csproj"),
            ProjectReferences = [new TaskItem(temp.File("sol/Lib/Lib.csproj"))],
        };
        Assert.IsTrue(inputs.Execute());
        return new SlimWriteDockerfile
        {
            BuildEngine = engine,
            ContainerFile = containerFile,
            ProjectFile = inputs.ProjectFile,
            ContextDirectory = inputs.ResolvedContextDirectory,
            RestoreFiles = inputs.RestoreFiles,
            PublishDirectory = Path.Combine(temp.Path, $"sol/{project}/bin/Release/net10.0/linux-x64/publish"),
            OutputDirectory = Path.Combine(temp.Path, $"sol/{project}/bin/Release/net10.0/linux-x64/slim"),
        };
    }

    private static SlimCommitDockerfile Commit(SlimWriteDockerfile written, string directory, RecordingBuildEngine engine) =>
        new() { BuildEngine = engine, SourceDirectory = written.OutputDirectory, CommittedCopyDirectory = directory };

    [TestMethod]
    public void Writes_the_three_files_into_the_slim_folder_and_a_committed_copy_when_asked()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(temp, engine);

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.IsTrue(Commit(task, Path.Combine(temp.Path, "sol"), engine).Execute());

        foreach (var name in new[] { "Dockerfile", "Dockerfile.prebuilt", ".dockerignore" })
            Assert.IsTrue(File.Exists(Path.Combine(task.OutputDirectory, name)), name);
        var dockerfile = File.ReadAllText(Path.Combine(task.OutputDirectory, "Dockerfile"));
        Assert.AreEqual(dockerfile, File.ReadAllText(Path.Combine(temp.Path, "sol/Dockerfile")));
        Assert.AreEqual(File.ReadAllText(Path.Combine(task.OutputDirectory, ".dockerignore")), File.ReadAllText(Path.Combine(temp.Path, "sol/.dockerignore")));
        StringAssert.Contains(dockerfile, "COPY [\"Lib/Lib.csproj\", \"Lib/\"]");
        StringAssert.Contains(dockerfile, "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build");
        StringAssert.Contains(dockerfile, "ENTRYPOINT [\"/app/App\"]");
        StringAssert.Contains(File.ReadAllText(Path.Combine(task.OutputDirectory, "Dockerfile.prebuilt")),
            "-t app bin/Release/net10.0/linux-x64/publish\n");
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "sol/Dockerfile.prebuilt")), "the prebuilt file's context is a bin/ folder; it is not committed");
        Assert.AreEqual(0, engine.Warnings.Count);
    }

    [TestMethod]
    public void A_nuget_config_with_an_absolute_folder_feed_warns_naming_the_feed_and_the_file()
    {
        using var temp = new TempFolder();
        var config = temp.File("sol/NuGet.config", System.Text.Encoding.UTF8.GetBytes(
            "<configuration><packageSources><add key=\"machine-feed\" value=\"/srv/packages/feed\" /></packageSources></configuration>"));
        var engine = new RecordingBuildEngine();
        var task = new SlimCollectDockerfileInputs { BuildEngine = engine, ProjectFile = temp.File("sol/App/App.csproj") };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var warning = engine.Warnings.Single(w => w.Code == "SLIM3012");
        StringAssert.Contains(warning.Message, "'" + config + "'");
        StringAssert.Contains(warning.Message, "'machine-feed'");
        StringAssert.Contains(warning.Message, "'/srv/packages/feed'");
    }

    [TestMethod]
    public void A_bad_sdk_image_fails_with_SLIM4001_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = Task(temp, engine);
        task.SdkImage = "my sdk";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("SLIM4001", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "SlimDockerSdkImage is 'my sdk'");
        Assert.IsFalse(Directory.Exists(task.OutputDirectory));
    }

    [TestMethod]
    public void A_hand_edited_committed_copy_warns_on_every_publish_while_it_differs()
    {
        using var temp = new TempFolder();
        var task = Task(temp, new RecordingBuildEngine());
        Assert.IsTrue(task.Execute());
        var committed = Path.Combine(temp.Path, "sol/Dockerfile");
        Assert.IsTrue(Commit(task, Path.Combine(temp.Path, "sol"), new RecordingBuildEngine()).Execute());
        var edited = File.ReadAllText(committed) + "HEALTHCHECK NONE\n";
        File.WriteAllText(committed, edited);

        for (var publish = 1; publish <= 2; publish++)
        {
            var engine = new RecordingBuildEngine();
            Assert.IsTrue(Commit(task, Path.Combine(temp.Path, "sol"), engine).Execute());
            var warning = engine.Warnings.Single();
            Assert.AreEqual("SLIM1031", warning.Code, $"publish {publish}");
            StringAssert.Contains(warning.Message, committed);
        }
        Assert.AreEqual(edited, File.ReadAllText(committed));
    }

    [TestMethod]
    public void Two_projects_sharing_the_committed_folder_leave_it_to_the_first_and_the_other_warns_every_time()
    {
        using var temp = new TempFolder();
        var shared = Path.Combine(temp.Path, "sol");
        var app1 = Task(temp, new RecordingBuildEngine(), "App1");
        var app2 = Task(temp, new RecordingBuildEngine(), "App2");
        Assert.IsTrue(app1.Execute() && app2.Execute());

        var warnings = new List<Microsoft.Build.Framework.BuildWarningEventArgs>();
        foreach (var order in new[] { new[] { app2, app1 }, [app1, app2], [app1, app2], [app2, app1] })
            foreach (var app in order)
            {
                var engine = new RecordingBuildEngine();
                Assert.IsTrue(Commit(app, shared, engine).Execute());
                if (app == app1)
                    warnings.AddRange(engine.Warnings);
                else
                    Assert.AreEqual(0, engine.Warnings.Count, string.Join("\n", engine.Warnings.Select(w => w.Message)));
            }

        StringAssert.StartsWith(File.ReadAllText(Path.Combine(shared, "Dockerfile")), "# syntax=docker/dockerfile:1\n# Generated by Slim from App2:");
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(shared, ".dockerignore")), "# Generated by Slim from App2:");
        Assert.AreEqual(8, warnings.Count, "App1 warns for both files on each of its four publishes");
        Assert.IsTrue(warnings.All(w => w.Code == "SLIM1035"));
        var message = warnings.First().Message!;
        StringAssert.Contains(message, Path.Combine(shared, "Dockerfile"));
        StringAssert.Contains(message, "from App2, and App1 has the same SlimDockerfileDirectory");
        StringAssert.Contains(message, "Give each project its own SlimDockerfileDirectory");
    }
}
