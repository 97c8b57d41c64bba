using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A republish with nothing changed still says what is wrong with the container: the settings are
/// checked and the committed Dockerfile compared on every publish, not only when a file changed.
/// A framework-dependent console app keeps the three publishes fast.
/// </summary>
[TestClass]
public sealed class ContainerRepublishTests
{
    [TestMethod]
    public void An_unchanged_republish_repeats_the_root_user_and_the_edited_dockerfile_warnings()
    {
        var app = TestApp.Console("RootApp", SlimForm.PackageReference, """
            <ContainerUser>root</ContainerUser>
            <SlimDockerfileDirectory>docker</SlimDockerfileDirectory>
            """);
        var first = app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        StringAssert.Contains(first.Output, "warning SLIM1033");
        var committed = Path.Combine(app.Directory, "docker", "Dockerfile");
        StringAssert.Contains(File.ReadAllText(committed), "USER root\n");
        var edited = File.ReadAllText(committed) + "HEALTHCHECK NONE\n";
        File.WriteAllText(committed, edited);
        var containerFile = Directory.GetFiles(Path.Combine(app.Directory, "obj"), "container.json", SearchOption.AllDirectories).Single();
        var described = File.GetLastWriteTimeUtc(containerFile);

        foreach (var republish in new[] { app.Publish(), app.Publish() })
        {
            Assert.AreEqual(0, republish.ExitCode, republish.Describe());
            StringAssert.Contains(republish.Output, "warning SLIM1033", "an unchanged republish dropped the root-user warning");
            StringAssert.Contains(republish.Output, "warning SLIM1031", "an unchanged republish dropped the edited-Dockerfile warning");
            StringAssert.Contains(republish.Output, committed);
        }
        Assert.AreEqual(edited, File.ReadAllText(committed), "Slim overwrote the hand-edited committed Dockerfile");
        Assert.AreEqual(described, File.GetLastWriteTimeUtc(containerFile), "container.json was rewritten with the same content");
    }
}
