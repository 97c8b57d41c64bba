using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Container;

/// <summary>Projects as MSBuild would describe them, for the container and Dockerfile tests.</summary>
internal static class ContainerTestProjects
{
    public static ContainerProject AotConsole => new("Hello", SizeProfile.Aot, "net10.0", "linux-x64", "Hello", IsWebApp: false);

    public static ContainerProject AotWeb => new("Shop.Api", SizeProfile.Aot, "net10.0", "linux-x64", "Shop.Api", IsWebApp: true);

    public static ContainerProject TrimmedWeb => AotWeb with { Profile = SizeProfile.Trimmed };

    public static ContainerProject FrameworkWeb => AotWeb with { Profile = SizeProfile.Framework, RuntimeIdentifier = "" };
}
