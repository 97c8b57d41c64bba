using Microsoft.Build.Framework;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks;

/// <summary>
/// Takes the container settings once, checks them, and writes container.json (the project facts and the
/// resolved final image) for the steps that make a container: the Dockerfiles, the image.
/// </summary>
public sealed class SlimDescribeContainer : SlimTask
{
    /// <summary>Where container.json goes, e.g. obj/Release/net10.0/linux-x64/slim/container.json; echoed for later targets.</summary>
    [Required, Output] public string ContainerFile { get; set; } = "";
    /// <summary>MSBuildProjectName, e.g. Shop.Api: the image's title and the Dockerfiles' marker.</summary>
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>aot, trimmed or framework; net10.0; linux-x64; the executable's name (TargetName).</summary>
    [Required] public string Profile { get; set; } = "";
    [Required] public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    [Required] public string AppName { get; set; } = "";
    /// <summary>UsingMicrosoftNETSdkWeb: port 8080 by default.</summary>
    public bool IsWebApp { get; set; }
    /// <summary>needs.json from SlimResolveNeeds: what the base must carry. Missing when the step runs before any publish.</summary>
    public string NeedsFile { get; set; } = "";
    /// <summary>SlimDockerBaseImage, e.g. localhost/base:1 or name@sha256:...; empty for Slim's choice.</summary>
    public string BaseImage { get; set; } = "";
    /// <summary>ContainerUser (e.g. 1654), ContainerWorkingDirectory (e.g. /app), ContainerAppCommand (the whole entry point).</summary>
    public string ContainerUser { get; set; } = "";
    public string ContainerWorkingDirectory { get; set; } = "";
    public ITaskItem[] ContainerAppCommand { get; set; } = [];
    /// <summary>ContainerPort (Include 8080, Type tcp or udp), ContainerEnvironmentVariable and ContainerLabel (Include the name, Value).</summary>
    public ITaskItem[] ContainerPorts { get; set; } = [];
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];
    public ITaskItem[] ContainerLabels { get; set; } = [];
    /// <summary>For the OCI labels: Version, Description, RepositoryUrl, PackageLicenseExpression.</summary>
    public string Version { get; set; } = "";
    public string Description { get; set; } = "";
    public string SourceUrl { get; set; } = "";
    public string License { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var project = new ContainerProject(ProjectName, SizeProfiles.Parse(Profile), TargetFramework, RuntimeIdentifier, AppName, IsWebApp)
        {
            Needs = RuntimeNeeds.TryLoad(NeedsFile) is { } needs ? BaseNeed.From(needs) : null,
            BaseImage = BaseImage, User = ContainerUser, WorkingDirectory = ContainerWorkingDirectory,
            AppCommand = ContainerAppCommand.Select(i => i.ItemSpec).ToList(), Ports = ContainerItems.Ports(ContainerPorts),
            Environment = ContainerItems.NameValues(ContainerEnvironmentVariables), Labels = ContainerItems.NameValues(ContainerLabels),
            Version = Version, Description = Description, SourceUrl = SourceUrl, License = License,
        };
        var spec = ContainerSpecBuilder.Build(project, diagnostics);
        if (diagnostics.HasErrors)
            return;
        var written = new ContainerDescription(project, spec).Save(ContainerFile);
        diagnostics.Detail(written ? $"Slim: wrote {ContainerFile}" : $"Slim: {ContainerFile} unchanged");
    }
}
