using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>A UPX-packed NativeAOT executable runs in the minimal image (a base holding only glibc).</summary>
[TestClass]
[TestCategory("Container")]
public sealed class UpxImageTests
{
    [TestMethod]
    public void The_packed_executable_runs_in_the_minimal_image_as_a_non_root_user()
    {
        Podman.EnsureStandIns();
        var app = TestApp.Console("UpxImage", SlimForm.PackageReference, $"""
            <PublishAot>true</PublishAot>
            <SlimUpx>true</SlimUpx>
            <SlimDockerBaseImage>{Podman.StandInBase}</SlimDockerBaseImage>
            """);
        var publish = app.Publish();
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        var exe = Path.Combine(publish.PublishDirectory, app.Name);
        var test = ProcessRunner.Run("upx", ["-t", exe], app.Directory);
        Assert.AreEqual(0, test.ExitCode, "the published executable is not UPX-packed: " + test.Output);

        const string image = "localhost/slim-e2e-upx:1";
        var build = Podman.Build(Path.Combine(publish.SlimDirectory, "Dockerfile.prebuilt"), publish.PublishDirectory, image);
        Assert.AreEqual(0, build.ExitCode, build.Output);
        var run = Podman.Run(SlimFeed.RunRoot, "run", "--rm", image);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "Hello from Slim");
        Assert.AreEqual("1654", Podman.Inspect(image, "{{.Config.User}}"));
    }
}
