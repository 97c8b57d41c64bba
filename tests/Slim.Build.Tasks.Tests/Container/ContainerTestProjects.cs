using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Tests.Container;

/// <summary>Projects as MSBuild would describe them, for the container and Dockerfile tests.</summary>
internal static class ContainerTestProjects
{
    public static ContainerProject AotConsole => new("Hello", "aot", "net10.0", "linux-x64", "Hello", IsWebApp: false);

    public static ContainerProject AotWeb => new("Shop.Api", "aot", "net10.0", "linux-x64", "Shop.Api", IsWebApp: true);

    public static ContainerProject TrimmedWeb => AotWeb with { Profile = "trimmed" };

    public static ContainerProject FrameworkWeb => AotWeb with { Profile = "framework", RuntimeIdentifier = "" };
}
