using Slim.Build.Tasks.Profiles;
namespace Slim.Build.Tasks.Container;

/// <summary>
/// The project as MSBuild evaluated it, with the container settings it gives (the .NET SDK's Container*
/// vocabulary): what every step that makes a container starts from, a Dockerfile or an image.
/// </summary>
internal sealed record ContainerProject(
    string ProjectName,
    SizeProfile Profile,
    string TargetFramework,
    string RuntimeIdentifier,
    string AppName,
    bool IsWebApp)
{
    /// <summary>What the base must carry, from needs.json (ICU, tzdata, OpenSSL, CA certificates); null when unknown (no publish ran).</summary>
    public IReadOnlyList<BaseNeed>? Needs { get; init; } = [];
    /// <summary>SlimDockerBaseImage: overrides the final image's base.</summary>
    public string BaseImage { get; init; } = "";
    public string User { get; init; } = "";
    public string WorkingDirectory { get; init; } = "";
    public IReadOnlyList<string> AppCommand { get; init; } = [];
    /// <summary>ContainerPort items as written: Include and Type.</summary>
    public IReadOnlyList<ContainerPortSetting> Ports { get; init; } = [];
    public IReadOnlyList<NameValue> Environment { get; init; } = [];
    public IReadOnlyList<NameValue> Labels { get; init; } = [];
    public string Version { get; init; } = "";
    public string Description { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public string License { get; init; } = "";
}
