using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Pipeline;

/// <summary>Where a file the SDK publishes comes from, decided from its ResolvedFileToPublish metadata.</summary>
internal static class FileOrigins
{
    /// <param name="nuGetPackageId">The item's NuGetPackageId metadata; empty when it is not from a package.</param>
    /// <param name="runtimePackAlwaysCopyLocal">The item's RuntimePackAlwaysCopyLocal metadata is "true".</param>
    /// <param name="fullPath">The file the SDK copies from.</param>
    /// <param name="projectDirectory">The project's folder.</param>
    /// <returns>Runtime (a runtime pack), Package (any other NuGet package), Content (from the project folder, not bin/ or obj/), or App.</returns>
    public static FileOrigin Classify(string nuGetPackageId, bool runtimePackAlwaysCopyLocal, string fullPath, string projectDirectory)
    {
        if (nuGetPackageId.StartsWith("Microsoft.NETCore.App.Runtime", StringComparison.OrdinalIgnoreCase)
            || nuGetPackageId.StartsWith("Microsoft.AspNetCore.App.Runtime", StringComparison.OrdinalIgnoreCase)
            || nuGetPackageId.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase)
            || runtimePackAlwaysCopyLocal)
            return FileOrigin.Runtime;
        if (!string.IsNullOrEmpty(nuGetPackageId))
            return FileOrigin.Package;
        var project = Path.TrimEndingDirectorySeparator(projectDirectory) + Path.DirectorySeparatorChar;
        var inProject = fullPath.StartsWith(project, StringComparison.Ordinal);
        var inBuildOutput = inProject && (fullPath[project.Length..].StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                          || fullPath[project.Length..].StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        return inProject && !inBuildOutput ? FileOrigin.Content : FileOrigin.App;
    }
}
