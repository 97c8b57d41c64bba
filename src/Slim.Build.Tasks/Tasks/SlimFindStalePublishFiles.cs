using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Pipeline;

namespace Slim.Build.Tasks;

/// <summary>
/// Finds the files in the publish folder that the SDK would keep although their source changed since the last
/// publish (it copies only sources newer than the copy): the target deletes them, so the SDK copies them again.
/// </summary>
public sealed class SlimFindStalePublishFiles : SlimTask
{
    /// <summary>ResolvedFileToPublish once every step has pointed it at its copy, with RelativePath.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>The publish folder, e.g. bin/Release/net10.0/publish/.</summary>
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>obj/.../slim/published-sources.txt: where each path was copied from last time.</summary>
    [Required] public string StateFile { get; set; } = "";

    /// <summary>Files in the publish folder to delete before the SDK copies.</summary>
    [Output] public ITaskItem[] StaleFiles { get; private set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var relative = file.GetMetadata("RelativePath");
            current[(relative.Length > 0 ? relative : Path.GetFileName(file.ItemSpec)).Replace('\\', '/')] = file.GetMetadata("FullPath");
        }
        StaleFiles = PublishedSources.Update(StateFile, current)
            .Select(relative => Path.Combine(PublishDirectory, relative))
            .Where(File.Exists)
            .Select(path => (ITaskItem)new TaskItem(path))
            .ToArray();
        foreach (var stale in StaleFiles)
            diagnostics.Detail($"Slim: {stale.ItemSpec} comes from another file since the last publish: copied again");
    }
}
