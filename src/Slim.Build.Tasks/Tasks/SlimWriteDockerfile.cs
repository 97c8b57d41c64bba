using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks;

/// <summary>Writes slim/Dockerfile (source build), slim/Dockerfile.prebuilt (publish folder) and slim/.dockerignore.</summary>
public sealed class SlimWriteDockerfile : SlimTask
{
    [Required] public string ProjectFile { get; set; } = "";
    /// <summary>The ProjectReference graph (by publish time the SDK has added the transitive ones).</summary>
    public ITaskItem[] ProjectReferences { get; set; } = [];
    /// <summary>SlimDockerContextDirectory: the source build's context; default the repository root or the projects' common folder.</summary>
    public string ContextDirectory { get; set; } = "";
    /// <summary>The publish folder, and the slim folder beside it where the files go.</summary>
    [Required] public string PublishDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>SlimDockerfileDirectory: where a copy for committing goes; empty for none.</summary>
    public string CommittedCopyDirectory { get; set; } = "";
    /// <summary>aot, trimmed or framework; net10.0; linux-x64; the executable's name (TargetName).</summary>
    [Required] public string Profile { get; set; } = "";
    [Required] public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    [Required] public string AppName { get; set; } = "";
    public bool IsWebApp { get; set; }
    public bool InvariantGlobalization { get; set; }
    /// <summary>SlimDockerBaseImage and SlimDockerSdkImage, e.g. localhost/base:1 or name@sha256:...</summary>
    public string BaseImage { get; set; } = "";
    public string SdkImage { get; set; } = "";
    /// <summary>ContainerUser, ContainerWorkingDirectory, ContainerAppCommand, ContainerPort (Type), ContainerEnvironmentVariable and ContainerLabel (Value).</summary>
    public string ContainerUser { get; set; } = "";
    public string ContainerWorkingDirectory { get; set; } = "";
    public ITaskItem[] ContainerAppCommand { get; set; } = [];
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
        var project = new DockerfileProject(Path.GetFileNameWithoutExtension(ProjectFile), Profile, TargetFramework, RuntimeIdentifier,
            AppName, IsWebApp, InvariantGlobalization)
        {
            BaseImage = BaseImage, SdkImage = SdkImage, User = ContainerUser, WorkingDirectory = ContainerWorkingDirectory,
            AppCommand = ContainerAppCommand.Select(i => i.ItemSpec).ToList(), Ports = ContainerItems.Ports(ContainerPorts),
            Environment = ContainerItems.NameValues(ContainerEnvironmentVariables), Labels = ContainerItems.NameValues(ContainerLabels),
            Version = Version, Description = Description, SourceUrl = SourceUrl, License = License,
        };
        var spec = ContainerSpecBuilder.Build(project, diagnostics);
        var context = BuildContext.Resolve(ProjectFile, ProjectReferences.Select(p => p.GetMetadata("FullPath")), ContextDirectory, diagnostics);
        if (diagnostics.HasErrors)
            return;
        DockerfileSet.For(project, spec, context, Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, PublishDirectory)
            .Save(OutputDirectory, CommittedCopyDirectory, diagnostics);
    }
}
