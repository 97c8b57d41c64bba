using Microsoft.Build.Framework;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks;

/// <summary>Writes slim/Dockerfile (source build), slim/Dockerfile.prebuilt (publish folder) and slim/.dockerignore from container.json.</summary>
public sealed class SlimWriteDockerfile : SlimTask
{
    /// <summary>container.json from SlimDescribeContainer: the project facts and the final image.</summary>
    [Required] public string ContainerFile { get; set; } = "";
    /// <summary>The build context and what its restore layer copies (absolute), from SlimCollectDockerfileInputs.</summary>
    [Required] public string ContextDirectory { get; set; } = "";
    public ITaskItem[] RestoreFiles { get; set; } = [];
    /// <summary>The publish folder, and the slim folder beside it where the files go.</summary>
    [Required] public string PublishDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>SlimDockerSdkImage: the build stage's image, e.g. localhost/sdk:10.0; empty for the SDK of the target framework.</summary>
    public string SdkImage { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var container = ContainerDescription.Load(ContainerFile);
        ImageReference.Check("SlimDockerSdkImage", SdkImage, diagnostics);
        var context = BuildContextLayout.Of(ContextDirectory, ProjectFile, RestoreFiles.Select(f => f.ItemSpec));
        if (diagnostics.HasErrors)
            return;
        DockerfileSet.For(container, context, SdkImageChooser.For(container.Project, SdkImage), Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, PublishDirectory)
            .Save(OutputDirectory, diagnostics);
    }
}
