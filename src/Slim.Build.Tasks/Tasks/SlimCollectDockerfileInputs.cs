using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks;

/// <summary>
/// Finds the files restore reads and the build context that holds them, on every publish (so SLIM3010 and
/// SLIM3011 repeat); the files become the Dockerfile's inputs and its restore layer.
/// </summary>
public sealed class SlimCollectDockerfileInputs : SlimTask
{
    /// <summary>The ProjectReference graph (by publish time the SDK has added the transitive ones).</summary>
    public ITaskItem[] ProjectReferences { get; set; } = [];
    /// <summary>$(DirectoryBuildPropsPath), $(DirectoryBuildTargetsPath), $(DirectoryPackagesPropsPath): the app's, as MSBuild found them.</summary>
    public string DirectoryBuildPropsPath { get; set; } = "";
    public string DirectoryBuildTargetsPath { get; set; } = "";
    public string DirectoryPackagesPropsPath { get; set; } = "";
    /// <summary>$(ProjectAssetsFile): NuGet's record of the NuGet.config files it used; the dgspec beside it has the whole graph's.</summary>
    public string ProjectAssetsFile { get; set; } = "";
    /// <summary>SlimDockerContextDirectory; empty for the folder that holds every restore input.</summary>
    public string ContextDirectory { get; set; } = "";

    /// <summary>The build context chosen.</summary>
    [Output] public string ResolvedContextDirectory { get; private set; } = "";
    /// <summary>What the restore layer copies, absolute; a folder feed ends with '/' and has SlimFolder=true.</summary>
    [Output] public ITaskItem[] RestoreFiles { get; private set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        var inputs = RestoreInputs.Find(ProjectFile, ProjectReferences.Select(p => p.GetMetadata("FullPath")),
            [DirectoryBuildPropsPath, DirectoryBuildTargetsPath, DirectoryPackagesPropsPath], ProjectAssetsFile);
        foreach (var feed in inputs.AbsoluteFeeds)
            diagnostics.Warning(SlimDiagnostics.AbsoluteFolderFeed, feed.Config, feed.Key, feed.Folder);
        var layout = BuildContext.Resolve(inputs, ContextDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), diagnostics);
        ResolvedContextDirectory = layout.Root;
        RestoreFiles = layout.AbsoluteRestoreFiles.Select(file => (ITaskItem)new TaskItem(file,
            new Dictionary<string, string> { ["SlimFolder"] = file.EndsWith('/') ? "true" : "false" })).ToArray();
    }
}
