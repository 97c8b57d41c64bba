using Microsoft.Build.Framework;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Pipeline;

namespace Slim.Build.Tasks;

/// <summary>Reads ResolvedFileToPublish items into plain <see cref="PublishItem"/>s.</summary>
internal static class PublishItems
{
    public static PublishItem From(ITaskItem item, string projectDirectory)
    {
        var relative = item.GetMetadata("RelativePath");
        if (string.IsNullOrEmpty(relative))
            relative = Path.GetFileName(item.ItemSpec);
        return new PublishItem(item.GetMetadata("FullPath"), relative.Replace('\\', '/'), Origin(item, projectDirectory));
    }

    /// <summary>See <see cref="FileOrigins.Classify"/>.</summary>
    public static FileOrigin Origin(ITaskItem item, string projectDirectory) =>
        FileOrigins.Classify(item.GetMetadata("NuGetPackageId"), item.GetMetadata("RuntimePackAlwaysCopyLocal") == "true",
            item.GetMetadata("FullPath"), projectDirectory);
}
