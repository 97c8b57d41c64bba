using Microsoft.Build.Framework;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Ledger;

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

    /// <summary>runtime (a runtime pack), package (any other NuGet package), content (from the project folder), or app.</summary>
    public static FileOrigin Origin(ITaskItem item, string projectDirectory)
    {
        var package = item.GetMetadata("NuGetPackageId");
        if (package.StartsWith("Microsoft.NETCore.App.Runtime", StringComparison.OrdinalIgnoreCase)
            || package.StartsWith("Microsoft.AspNetCore.App.Runtime", StringComparison.OrdinalIgnoreCase)
            || package.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase)
            || item.GetMetadata("RuntimePackAlwaysCopyLocal") == "true")
            return FileOrigin.Runtime;
        if (!string.IsNullOrEmpty(package))
            return FileOrigin.Package;
        var full = item.GetMetadata("FullPath");
        var project = Path.TrimEndingDirectorySeparator(projectDirectory) + Path.DirectorySeparatorChar;
        var inProject = full.StartsWith(project, StringComparison.Ordinal);
        var inBuildOutput = inProject && (full[project.Length..].StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                          || full[project.Length..].StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        return inProject && !inBuildOutput ? FileOrigin.Content : FileOrigin.App;
    }
}
