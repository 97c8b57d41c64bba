using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A solution as a user has it: an aot console app with a ProjectReference to a library, a NuGet.config
/// naming a folder feed, and Slim's Dockerfile committed at the solution root. The prebuilt and the
/// multi-stage Dockerfiles are both built with podman over stand-ins for the official .NET images.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class DockerfileSolutionTests
{
    private const string Greeting = "Hello from the library";
    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string Solution => Path.GetDirectoryName(_app.Directory)!;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.EnsureStandIns();
        _app = TestApp.Console("App", SlimForm.PackageReference, $"""
            <PublishAot>true</PublishAot>
            <SlimMaxPublishSize>5MB</SlimMaxPublishSize>
            <SlimDockerBaseImage>{Podman.StandInBase}</SlimDockerBaseImage>
            <SlimDockerSdkImage>{Podman.StandInSdk}</SlimDockerSdkImage>
            <SlimDockerfileDirectory>..</SlimDockerfileDirectory>
            """, """
            <ProjectReference Include="../Lib/Lib.csproj" />
            <ContainerEnvironmentVariable Include="SLIM_E2E" Value="from ContainerEnvironmentVariable" />
            <ContainerLabel Include="com.example.test" Value="slim" />
            """, """
            // The user id proves the container does not run as root; the variable, that ContainerEnvironmentVariable arrived.
            var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:")).Split('\t')[1];
            Console.WriteLine($"{Lib.Greeting.Text}; uid {uid}; {Environment.GetEnvironmentVariable("SLIM_E2E")}");
            """, folder: "DockerSolution/App");
        _app.Write("../Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsAotCompatible>true</IsAotCompatible></PropertyGroup>
            </Project>
            """);
        _app.Write("../Lib/Greeting.cs", $"namespace Lib; public static class Greeting {{ public static string Text => \"{Greeting}\"; }}");
        // The source build restores inside the container: the feed must be in the build context, named relatively.
        var feed = Path.Combine(Solution, "feed");
        Directory.CreateDirectory(feed);
        foreach (var package in Directory.GetFiles(SlimFeed.Feed, "*.nupkg"))
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));
        _app.Write("nuget.config", """
            <configuration>
              <packageSources>
                <clear />
                <add key="slim" value="../feed" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        _publish = _app.Publish();
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    private static string SlimFile(string name) => Path.Combine(_publish.SlimDirectory, name);

    [TestMethod]
    public void Writes_both_dockerfiles_and_the_ignore_file_beside_the_publish_folder_and_a_committed_copy()
    {
        foreach (var name in new[] { "Dockerfile", "Dockerfile.prebuilt", ".dockerignore" })
            Assert.IsTrue(File.Exists(SlimFile(name)), $"slim/{name} is missing");
        CollectionAssert.AreEqual(new[] { _app.Name }, Files.Relative(_publish.PublishDirectory), "a Slim file landed in the publish folder");
        Assert.AreEqual(File.ReadAllText(SlimFile("Dockerfile")), File.ReadAllText(Path.Combine(Solution, "Dockerfile")));
        Assert.AreEqual(File.ReadAllText(SlimFile(".dockerignore")), File.ReadAllText(Path.Combine(Solution, ".dockerignore")));

        var dockerfile = File.ReadAllText(SlimFile("Dockerfile"));
        StringAssert.Contains(dockerfile, "COPY [\"App/App.csproj\", \"App/\"]\nCOPY [\"App/nuget.config\", \"App/\"]\nCOPY [\"Lib/Lib.csproj\", \"Lib/\"]\nCOPY [\"feed/\", \"feed/\"]\n");
        StringAssert.Contains(dockerfile, $"FROM {Podman.StandInSdk} AS build");
        StringAssert.Contains(dockerfile, $"FROM {Podman.StandInBase} AS final");
        StringAssert.Contains(dockerfile, "ENV SLIM_E2E=\"from ContainerEnvironmentVariable\"");
        StringAssert.Contains(dockerfile, "ENTRYPOINT [\"/app/App\"]");
        Assert.IsFalse(dockerfile.Contains(SlimFeed.RunRoot), "the Dockerfile names a path of this machine");
    }

    [TestMethod]
    public void The_prebuilt_image_runs_the_app_as_a_non_root_user()
    {
        var build = Podman.Build(SlimFile("Dockerfile.prebuilt"), _publish.PublishDirectory, "localhost/slim-e2e-prebuilt:1");
        Assert.AreEqual(0, build.ExitCode, build.Output);

        var run = Podman.Run(SlimFeed.RunRoot, "run", "--rm", "localhost/slim-e2e-prebuilt:1");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual($"{Greeting}; uid 1654; from ContainerEnvironmentVariable", run.Output.Trim());
        Assert.AreEqual("1654", Podman.Inspect("localhost/slim-e2e-prebuilt:1", "{{.Config.User}}"));
        Assert.AreEqual("slim", Podman.Inspect("localhost/slim-e2e-prebuilt:1", "{{index .Config.Labels \"com.example.test\"}}"));
        Assert.AreEqual("App", Podman.Inspect("localhost/slim-e2e-prebuilt:1", "{{index .Config.Labels \"org.opencontainers.image.title\"}}"));
    }

    [TestMethod]
    public void The_multi_stage_dockerfile_builds_from_source_with_slim_and_its_budget_inside()
    {
        var build = Podman.Build(Path.Combine(Solution, "Dockerfile"), Solution, "localhost/slim-e2e-source:1");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "Slim: App: ", "Slim did not run inside the source build");
        StringAssert.Contains(build.Output, "1 of 1 budget(s) met", "the budget was not checked inside the source build");
        var run = Podman.Run(SlimFeed.RunRoot, "run", "--rm", "localhost/slim-e2e-source:1");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual($"{Greeting}; uid 1654; from ContainerEnvironmentVariable", run.Output.Trim());
    }

    [TestMethod]
    public void A_hand_edited_committed_copy_is_left_alone_with_a_warning_and_an_untouched_one_follows_the_project()
    {
        var ignore = Path.Combine(Solution, ".dockerignore");
        var edited = File.ReadAllText(ignore) + "**/*.md\n";
        File.WriteAllText(ignore, edited);

        var changed = _app.Republish("-p:ContainerUser=1000");

        Assert.AreEqual(0, changed.ExitCode, changed.Describe());
        StringAssert.Contains(changed.Output, "warning SLIM1031");
        StringAssert.Contains(changed.Output, ignore);
        Assert.AreEqual(edited, File.ReadAllText(ignore), "Slim overwrote a hand-edited .dockerignore");
        StringAssert.Contains(File.ReadAllText(Path.Combine(Solution, "Dockerfile")), "USER 1000\n", "the untouched committed Dockerfile was not updated");

        var back = _app.Republish();
        Assert.AreEqual(0, back.ExitCode, back.Describe());
        StringAssert.Contains(File.ReadAllText(Path.Combine(Solution, "Dockerfile")), "USER 1654\n");
    }
}
