namespace Slim.Build.Tasks.Dockerfile;

/// <summary>The project as MSBuild evaluated it, with the container settings it gives (the .NET SDK's Container* vocabulary).</summary>
internal sealed record DockerfileProject(
    string ProjectName,
    string Profile,
    string TargetFramework,
    string RuntimeIdentifier,
    string AppName,
    bool IsWebApp,
    bool InvariantGlobalization)
{
    /// <summary>SlimDockerBaseImage: overrides the final stage's base.</summary>
    public string BaseImage { get; init; } = "";
    /// <summary>SlimDockerSdkImage: overrides the build stage's image.</summary>
    public string SdkImage { get; init; } = "";
    public string User { get; init; } = "";
    public string WorkingDirectory { get; init; } = "";
    public IReadOnlyList<string> AppCommand { get; init; } = [];
    /// <summary>ContainerPort items as written: Include and Type.</summary>
    public IReadOnlyList<(string Port, string Type)> Ports { get; init; } = [];
    public IReadOnlyList<NameValue> Environment { get; init; } = [];
    public IReadOnlyList<NameValue> Labels { get; init; } = [];
    public string Version { get; init; } = "";
    public string Description { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public string License { get; init; } = "";
}
