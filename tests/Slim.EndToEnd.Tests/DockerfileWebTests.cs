using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>An aot web app: Dockerfile.prebuilt over its publish folder gives an image that answers HTTP as a non-root user.</summary>
[TestClass]
[TestCategory("Container")]
public sealed class DockerfileWebTests
{
    private const string Image = "localhost/slim-e2e-web:1";
    private static TestApp _app = null!;
    private static PublishResult _publish = null!;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.EnsureStandIns();
        _app = TestApp.SlimBuilderWeb("DockerWeb", SlimForm.PackageReference, $"""
            <PublishAot>true</PublishAot>
            <SlimDockerBaseImage>{Podman.StandInBase}</SlimDockerBaseImage>
            """);
        _publish = _app.Publish();
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    [TestMethod]
    public async Task The_prebuilt_image_answers_http_as_a_non_root_user()
    {
        var prebuilt = Path.Combine(_publish.SlimDirectory, "Dockerfile.prebuilt");
        StringAssert.Contains(File.ReadAllText(prebuilt), "EXPOSE 8080/tcp\n");
        var build = Podman.Build(prebuilt, _publish.PublishDirectory, Image);
        Assert.AreEqual(0, build.ExitCode, build.Output);
        Assert.AreEqual("1654", Podman.Inspect(Image, "{{.Config.User}}"));
        StringAssert.Contains(Podman.Inspect(Image, "{{json .Config.ExposedPorts}}"), "8080/tcp");

        using var container = WebContainer.Start(Image, "slim-e2e-web");
        Assert.AreEqual("Hello World!", await Http.GetWithin(container.Url, TimeSpan.FromSeconds(30)));
        var top = Podman.Run(SlimFeed.RunRoot, "top", container.Name, "user", "huser");
        Assert.AreEqual(0, top.ExitCode, "podman top failed:\n" + top.Output);
        // USER is the user in the container (app from its /etc/passwd, or the bare uid); HUSER the host's view of it.
        var lines = top.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = Array.FindIndex(lines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["USER", "HUSER"]);
        Assert.IsTrue(header >= 0, "no USER HUSER header in podman top's output:\n" + top.Output);
        var processes = lines.Skip(header + 1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.IsTrue(processes.Count > 0, "podman top listed no process:\n" + top.Output);
        foreach (var process in processes)
        {
            Assert.IsTrue(process.Length == 2 && process[0] is "app" or "1654", "a process in the container runs as another user than app (1654):\n" + top.Output);
            Assert.IsFalse(process[1] is "root" or "0", "a process runs as root on the host:\n" + top.Output);
        }
    }

    [TestMethod]
    public void A_publish_with_nothing_changed_rewrites_no_dockerfile()
    {
        var dockerfile = Path.Combine(_publish.SlimDirectory, "Dockerfile");
        var stamp = Directory.GetFiles(Path.Combine(_app.Directory, "obj"), "dockerfile.stamp", SearchOption.AllDirectories).Single();
        var written = (File.GetLastWriteTimeUtc(dockerfile), File.GetLastWriteTimeUtc(stamp));

        var again = _app.Publish();

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        Assert.AreEqual(written, (File.GetLastWriteTimeUtc(dockerfile), File.GetLastWriteTimeUtc(stamp)), "the Dockerfile step ran again");
    }
}
