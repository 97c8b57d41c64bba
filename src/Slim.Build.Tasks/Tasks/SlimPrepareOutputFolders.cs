using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks;

/// <summary>
/// Before the first step: the folders Slim writes to can take files, and hold no temporary file a killed publish
/// left behind. A folder that cannot take files fails here with SLIM3014 naming the folder and the property that
/// sets it, before anything is half done.
/// </summary>
public sealed class SlimPrepareOutputFolders : SlimTask
{
    /// <summary>One item per folder; %(Property) is the setting that chooses it, e.g. SlimOutputDirectory.</summary>
    public ITaskItem[] Folders { get; set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        // The first folder that fails is the one to fix: the symbols folder sits inside the output folder.
        foreach (var folder in Folders)
            if (WritableFolder.WhyNot(folder.ItemSpec) is { } reason)
            {
                diagnostics.Error(SlimDiagnostics.OutputFolderNotWritable, folder.ItemSpec, folder.GetMetadata("Property"), reason);
                return;
            }
        foreach (var folder in Folders)
            AtomicFile.RemoveAbandonedUnder(folder.ItemSpec);
    }
}
