using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Tests.Container;

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
        var project = ContainerTestProjects.AotConsole with { Profile = profile, IsWebApp = web, InvariantGlobalization = invariant };
        Assert.AreEqual(expected, BaseImageChooser.FinalBase(project));
    }

    [TestMethod]
    public void An_override_wins_and_may_pin_a_digest()
    {
        var pinned = "localhost/base@sha256:" + new string('a', 64);
        Assert.AreEqual(pinned, BaseImageChooser.FinalBase(ContainerTestProjects.AotConsole with { BaseImage = pinned }));
    }

    [TestMethod]
    [DataRow("net10.0", "10.0")]
    [DataRow("net8.0-windows", "8.0")]
    public void The_channel_comes_from_the_target_framework(string framework, string channel) =>
        Assert.AreEqual(channel, BaseImageChooser.ChannelOf(framework));
}
