using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks;

/// <summary>Writes slim/Dockerfile (source build), slim/Dockerfile.prebuilt (publish folder) and slim/.dockerignore.</summary>
public sealed class SlimWriteDockerfile : SlimTask
{
    [Required] public string ProjectFile { get; set; } = "";
    /// <summary>Every project of the ProjectReference graph (the SDK adds the transitive ones).</summary>
    public ITaskItem[] ProjectReferences { get; set; } = [];
    /// <summary>SlimDockerContextDirectory: the source build's context; default the repository root or the projects' common folder.</summary>
    public string ContextDirectory { get; set; } = "";
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>The slim folder beside the publish folder.</summary>
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>SlimDockerfileDirectory: where a copy for committing goes; empty for none.</summary>
    public string CommittedCopyDirectory { get; set; } = "";
    [Required] public string Profile { get; set; } = "";
    [Required] public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The executable's name in the publish folder (TargetName).</summary>
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
        var name = Path.GetFileNameWithoutExtension(ProjectFile);
        var project = new DockerfileProject(name, Profile, TargetFramework, RuntimeIdentifier, AppName, IsWebApp, InvariantGlobalization)
        {
            BaseImage = BaseImage, SdkImage = SdkImage, User = ContainerUser, WorkingDirectory = ContainerWorkingDirectory,
            AppCommand = ContainerAppCommand.Select(i => i.ItemSpec).ToList(),
            Ports = ContainerPorts.Select(i => (i.ItemSpec, i.GetMetadata("Type"))).ToList(),
            Environment = ContainerEnvironmentVariables.Select(i => new NameValue(i.ItemSpec, i.GetMetadata("Value"))).ToList(),
            Labels = ContainerLabels.Select(i => new NameValue(i.ItemSpec, i.GetMetadata("Value"))).ToList(),
            Version = Version, Description = Description, SourceUrl = SourceUrl, License = License,
        };
        ContainerSpecBuilder.CheckImageReference("SlimDockerSdkImage", SdkImage, diagnostics);
        var spec = ContainerSpecBuilder.Build(project, diagnostics);
        var context = BuildContext.Resolve(ProjectFile, ProjectReferences.Select(p => p.GetMetadata("FullPath")), ContextDirectory, diagnostics);
        if (diagnostics.HasErrors)
            return;
        var publishFolder = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, PublishDirectory).Replace('\\', '/');
        new DockerfileSet(DockerfileWriter.MultiStage(project, spec, context), DockerfileWriter.Prebuilt(project, spec, publishFolder),
            DockerIgnoreWriter.Write(name)).Save(OutputDirectory, CommittedCopyDirectory, diagnostics);
    }
}
