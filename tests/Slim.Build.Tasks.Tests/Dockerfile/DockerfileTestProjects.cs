using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks.Tests.Dockerfile;

/// <summary>Projects as MSBuild would describe them, for the Dockerfile tests.</summary>
internal static class DockerfileTestProjects
{
    public static DockerfileProject AotConsole => new("Hello", "aot", "net10.0", "linux-x64", "Hello", IsWebApp: false, InvariantGlobalization: true);

    public static DockerfileProject AotWeb => new("Shop.Api", "aot", "net10.0", "linux-x64", "Shop.Api", IsWebApp: true, InvariantGlobalization: true);

    public static DockerfileProject TrimmedWeb => AotWeb with { Profile = "trimmed" };

    public static DockerfileProject FrameworkWeb => AotWeb with { Profile = "framework", RuntimeIdentifier = "" };

    public static BuildContextLayout Layout => new("/src/repo", "src/Shop.Api/Shop.Api.csproj",
        ["Directory.Build.props", "NuGet.config", "src/Shop.Api/Shop.Api.csproj", "src/Shop.Core/Shop.Core.csproj"]);
}
