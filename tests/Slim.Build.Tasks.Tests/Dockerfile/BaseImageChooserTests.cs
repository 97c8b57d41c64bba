using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class BaseImageChooserTests
{
    [TestMethod]
    [DataRow("aot", false, true, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("aot", true, true, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("aot", false, false, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra")]
    [DataRow("trimmed", true, true, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("trimmed", true, false, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra")]
    [DataRow("framework", true, true, "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    [DataRow("framework", false, true, "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled")]
    [DataRow("framework", false, false, "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra")]
    public void The_final_base_fits_the_profile_and_globalization(string profile, bool web, bool invariant, string expected)
    {
        var project = DockerfileTestProjects.AotConsole with { Profile = profile, IsWebApp = web, InvariantGlobalization = invariant };
        Assert.AreEqual(expected, BaseImageChooser.FinalBase(project));
    }

    [TestMethod]
    [DataRow("aot", "net10.0", "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot")]
    [DataRow("trimmed", "net10.0", "mcr.microsoft.com/dotnet/sdk:10.0-noble")]
    [DataRow("framework", "net9.0", "mcr.microsoft.com/dotnet/sdk:9.0-noble")]
    public void The_build_stage_uses_the_sdk_of_the_target_framework(string profile, string framework, string expected)
    {
        var project = DockerfileTestProjects.AotConsole with { Profile = profile, TargetFramework = framework };
        Assert.AreEqual(expected, BaseImageChooser.BuildImage(project));
    }

    [TestMethod]
    public void Overrides_win_and_may_pin_a_digest()
    {
        var pinned = "localhost/base@sha256:" + new string('a', 64);
        var project = DockerfileTestProjects.AotConsole with { BaseImage = pinned, SdkImage = "localhost/sdk:10.0" };
        Assert.AreEqual(pinned, BaseImageChooser.FinalBase(project));
        Assert.AreEqual("localhost/sdk:10.0", BaseImageChooser.BuildImage(project));
    }

    [TestMethod]
    [DataRow("net10.0", "10.0")]
    [DataRow("net8.0-windows", "8.0")]
    public void The_channel_comes_from_the_target_framework(string framework, string channel) =>
        Assert.AreEqual(channel, BaseImageChooser.ChannelOf(framework));
}
