using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The layout most solutions have, without a .git folder (a source archive, a CI cache): Directory.Build.props,
/// Directory.Packages.props (central package management) and nuget.config at the root, projects under src/.
/// The generated Dockerfile's restore layer is run for real with podman, up to its restore RUN, over the
/// stand-in SDK image: restore in the image must find every file restore read on the host.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class DockerfileRestoreLayerTests
{
    private static TestApp _app = null!;
    private static string _dockerfile = "";
    private static string Solution => Path.GetFullPath(Path.Combine(_app.Directory, "../.."));

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.EnsureStandIns();
        // Framework-dependent and no RID: restore in the image needs nothing but Slim's package from the feed.
        _app = TestApp.Console("App", SlimForm.PackageReference, folder: "CpmSolution/src/App");
        File.Delete(Path.Combine(_app.Directory, "nuget.config"));
        _app.Write("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <SlimDockerSdkImage>{Podman.StandInSdk}</SlimDockerSdkImage>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" />
                <PackageReference Include="Slim.Build.Tasks" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        _app.Write("Program.cs", "Console.WriteLine(Lib.Greeting.Text);");
        _app.Write("../Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk"></Project>""");
        _app.Write("../Lib/Greeting.cs", "namespace Lib; public static class Greeting { public const string Text = \"hi\"; }");
        _app.Write("../../Directory.Build.props", """
            <Project><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>
            """);
        _app.Write("../../Directory.Packages.props", $"""
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageVersion Include="Slim.Build.Tasks" Version="{SlimFeed.Version}" /></ItemGroup>
            </Project>
            """);
        // Restore in the image reads the feed through the context, so nuget.config names it relatively.
        _app.Write("../../nuget.config", """
            <configuration><packageSources><clear /><add key="slim" value="feed" /></packageSources></configuration>
            """);
        var feed = Directory.CreateDirectory(Path.Combine(Solution, "feed")).FullName;
        foreach (var package in Directory.GetFiles(SlimFeed.Feed, "*.nupkg"))
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));

        var publish = _app.Publish();
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        _dockerfile = File.ReadAllText(Path.Combine(publish.SlimDirectory, "Dockerfile"));
    }

    /// <summary>The generated Dockerfile up to and including its restore RUN: the restore layer, nothing after it.</summary>
    private static string RestoreLayerOnly(string dockerfile, string name)
    {
        var lines = dockerfile.Split('\n');
        var restore = Array.FindIndex(lines, line => line.Contains("dotnet restore"));
        Assert.IsTrue(restore > 0, "no restore RUN in the Dockerfile:\n" + dockerfile);
        var path = Path.Combine(SlimFeed.RunRoot, name);
        File.WriteAllText(path, string.Join('\n', lines[..(restore + 1)]) + "\n");
        return path;
    }

    [TestMethod]
    public void The_restore_layer_copies_the_root_files_and_restores_in_the_image()
    {
        StringAssert.Contains(_dockerfile, """
            COPY ["Directory.Build.props", "./"]
            COPY ["Directory.Packages.props", "./"]
            COPY ["feed/", "feed/"]
            COPY ["nuget.config", "./"]
            COPY ["src/App/App.csproj", "src/App/"]
            COPY ["src/Lib/Lib.csproj", "src/Lib/"]
            """.ReplaceLineEndings("\n"));
        StringAssert.Contains(_dockerfile, "dotnet restore \"src/App/App.csproj\"");

        var build = Podman.Build(RestoreLayerOnly(_dockerfile, "Dockerfile.restore"), Solution, "localhost/slim-e2e-restore:1");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "Restored /src/src/App/App.csproj");
    }

    [TestMethod]
    public void The_projects_common_folder_as_context_misses_the_root_files_warns_SLIM3011_and_restore_fails()
    {
        // The context Slim chose before it read what restore used: the folder holding the projects.
        var src = Path.Combine(Solution, "src");
        var publish = _app.Publish($"-p:SlimDockerContextDirectory={src}", "-p:SlimOutputDirectory=" + Path.Combine(SlimFeed.RunRoot, "cpm-src-context") + "/");
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config" })
            StringAssert.Contains(publish.Output, $"warning SLIM3011: restore reads '{Path.Combine(Solution, file)}'");
        var dockerfile = File.ReadAllText(Path.Combine(SlimFeed.RunRoot, "cpm-src-context", "Dockerfile"));

        var build = Podman.Build(RestoreLayerOnly(dockerfile, "Dockerfile.restore-src"), src, "localhost/slim-e2e-restore-src:1");

        Assert.AreNotEqual(0, build.ExitCode, "restore without the root's files should fail:\n" + build.Output);
        // Without Directory.Build.props the projects have no TargetFramework; without Directory.Packages.props no versions.
        StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"error (NETSDK1013|NU1015)"), build.Output);
    }

    [TestMethod]
    public void A_git_folder_at_the_root_gives_the_same_dockerfile()
    {
        var git = Path.Combine(Solution, ".git");
        Directory.CreateDirectory(git);
        try
        {
            var publish = _app.Publish("-p:SlimOutputDirectory=" + Path.Combine(SlimFeed.RunRoot, "cpm-git") + "/");
            Assert.AreEqual(0, publish.ExitCode, publish.Describe());
            Assert.AreEqual(_dockerfile, File.ReadAllText(Path.Combine(SlimFeed.RunRoot, "cpm-git", "Dockerfile")));
        }
        finally
        {
            Directory.Delete(git, recursive: true);
        }
    }
}
