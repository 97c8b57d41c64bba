using Microsoft.Build.Framework;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks;

/// <summary>
/// Reads ResolvedFileToPublish items into plain <see cref="PublishItem"/>s. The plan step classifies each
/// file once into %(SlimOrigin); a step that wrote a copy of a file records it in %(SlimContent), which
/// the next step reads instead of the file the SDK resolved.
/// </summary>
internal static class PublishItems
{
    public const string OriginMetadata = "SlimOrigin";
    public const string ContentMetadata = "SlimContent";
    /// <summary>Where a step writes its copy of a file, under obj/.../slim/&lt;step&gt;/.</summary>
    public const string StepOutputMetadata = "SlimStepOutput";

    public static PublishItem From(ITaskItem item, string projectDirectory)
    {
        var relative = item.GetMetadata("RelativePath");
        if (string.IsNullOrEmpty(relative))
            relative = Path.GetFileName(item.ItemSpec);
        var content = item.GetMetadata(ContentMetadata);
        var origin = item.GetMetadata(OriginMetadata);
        return new PublishItem(content.Length > 0 ? content : item.GetMetadata("FullPath"), relative.Replace('\\', '/'),
            Enum.TryParse<FileOrigin>(origin, out var classified) ? classified : Origin(item, projectDirectory));
    }

    /// <summary>A copy of the item carrying its origin and the file its content is read from.</summary>
    public static ITaskItem Classified(ITaskItem item, PublishItem published)
    {
        var copy = new Microsoft.Build.Utilities.TaskItem(item);
        copy.SetMetadata(OriginMetadata, published.Origin.ToString());
        copy.SetMetadata(ContentMetadata, published.Source);
        return copy;
    }

    /// <summary>A copy of the item that a step will write to <paramref name="stepOutput"/>.</summary>
    public static ITaskItem ForStep(ITaskItem item, string stepOutput)
    {
        var copy = new Microsoft.Build.Utilities.TaskItem(item);
        copy.SetMetadata(StepOutputMetadata, stepOutput);
        return copy;
    }

    /// <summary>See <see cref="FileOrigins.Classify"/>.</summary>
    public static FileOrigin Origin(ITaskItem item, string projectDirectory) =>
        FileOrigins.Classify(item.GetMetadata("NuGetPackageId"), item.GetMetadata("RuntimePackAlwaysCopyLocal") == "true",
            item.GetMetadata("FullPath"), projectDirectory);
}
