using Slim.Build.Tasks.Dockerfile;
using Slim.Build.Tasks.Tests.Container;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class SdkImageChooserTests
{
    [TestMethod]
    [DataRow("aot", "net10.0", "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot")]
    [DataRow("trimmed", "net10.0", "mcr.microsoft.com/dotnet/sdk:10.0-noble")]
    [DataRow("framework", "net9.0", "mcr.microsoft.com/dotnet/sdk:9.0-noble")]
    public void The_build_stage_uses_the_sdk_of_the_target_framework(string profile, string framework, string expected)
    {
        var project = ContainerTestProjects.AotConsole with { Profile = SizeProfiles.Parse(profile), TargetFramework = framework };
        Assert.AreEqual(expected, SdkImageChooser.For(project, ""));
    }

    [TestMethod]
    public void SlimDockerSdkImage_wins() =>
        Assert.AreEqual("localhost/sdk:10.0", SdkImageChooser.For(ContainerTestProjects.AotConsole, " localhost/sdk:10.0 "));
}
