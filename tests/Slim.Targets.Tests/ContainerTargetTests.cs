namespace Slim.Targets.Tests;

/// <summary>SlimDescribeContainer and SlimDockerfile run as targets, twice, the way an unchanged republish runs them.</summary>
[TestClass]
public sealed class ContainerTargetTests
{
    [TestMethod]
    public void Container_warnings_repeat_on_an_unchanged_run_and_container_json_keeps_its_timestamp()
    {
        using var project = new SlimProject("<ContainerUser>root</ContainerUser>");
        var first = project.Run("SlimDescribeContainer");
        var containerFile = Directory.GetFiles(Path.GetDirectoryName(project.ProjectFile)!, "container.json", SearchOption.AllDirectories).Single();
        var written = File.GetLastWriteTimeUtc(containerFile);

        var second = project.Run("SlimDescribeContainer");

        foreach (var (passed, output) in new[] { first, second })
        {
            Assert.IsTrue(passed, output);
            StringAssert.Contains(output, "warning SLIM1033: ContainerUser is 'root'");
        }
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(containerFile), "container.json was rewritten with the same content");
        StringAssert.Contains(File.ReadAllText(containerFile), "\"user\": \"root\"");
    }

    [TestMethod]
    public void An_edited_committed_dockerfile_warns_on_every_run_while_the_slim_folder_stays_up_to_date()
    {
        using var project = new SlimProject("<SlimDockerfileDirectory>docker</SlimDockerfileDirectory>");
        var folder = Path.GetDirectoryName(project.ProjectFile)!;
        var created = project.Run("SlimDockerfile");
        Assert.IsTrue(created.Passed, created.Output);
        var committed = Path.Combine(folder, "docker", "Dockerfile");
        File.AppendAllText(committed, "HEALTHCHECK NONE\n");
        var stamp = Directory.GetFiles(folder, "dockerfile.stamp", SearchOption.AllDirectories).Single();
        var generated = Directory.GetFiles(Path.Combine(folder, "bin"), "Dockerfile", SearchOption.AllDirectories).Single();
        var written = (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(generated));

        for (var run = 1; run <= 2; run++)
        {
            var (passed, output) = project.Run("SlimDockerfile");
            Assert.IsTrue(passed, output);
            StringAssert.Contains(output, "warning SLIM1031", $"run {run}");
            StringAssert.Contains(output, committed);
        }
        Assert.AreEqual(written, (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(generated)), "the slim folder's files were written again");
        StringAssert.EndsWith(File.ReadAllText(committed), "HEALTHCHECK NONE\n");
    }

    [TestMethod]
    public void A_restore_input_added_or_removed_writes_the_dockerfile_again()
    {
        // The harness's Directory.Build.props imports Slim's props from this checkout: an explicit context keeps
        // the test from depending on where the checkout lies (under /tmp it would widen the context to /tmp).
        using var project = new SlimProject("<SlimDockerContextDirectory>$(MSBuildProjectDirectory)</SlimDockerContextDirectory>");
        string Dockerfile() => File.ReadAllText(Directory.GetFiles(Path.Combine(project.Folder, "bin"), "Dockerfile", SearchOption.AllDirectories).Single());
        var globalJson = Path.Combine(project.Folder, "global.json");

        var first = project.Run("SlimDockerfile");
        Assert.IsTrue(first.Passed, first.Output);
        StringAssert.Contains(Dockerfile(), "COPY [\"App.csproj\", \"./\"]\nCOPY [\"Directory.Build.props\", \"./\"]\n");

        File.WriteAllText(globalJson, "{}");
        var added = project.Run("SlimDockerfile");
        Assert.IsTrue(added.Passed, added.Output);
        StringAssert.Contains(Dockerfile(), "COPY [\"global.json\", \"./\"]\n");

        File.Delete(globalJson);
        var removed = project.Run("SlimDockerfile");
        Assert.IsTrue(removed.Passed, removed.Output);
        Assert.IsFalse(Dockerfile().Contains("global.json"), "a removed global.json is still copied:\n" + Dockerfile());
    }
}
