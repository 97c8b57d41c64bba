using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Prune;

/// <summary>What leaves the publish folder because a production container does not need it.</summary>
internal sealed class PruneRules(bool pruneRuntimePieces, IReadOnlyList<string> keep, IReadOnlyList<string> extraPrune)
{
    /// <summary>
    /// Self-contained runtime pieces for debugging and tracing: createdump and the debugger's DAC and DBI,
    /// the standalone GCs (only used when configured by name), and the LTTng trace provider, which
    /// needs liblttng that minimal bases lack. About 8 MB of a trimmed web app.
    /// </summary>
    public static readonly IReadOnlyList<string> RuntimePieces =
        ["createdump", "libmscordaccore.so", "libmscordbi.so", "libclrgc.so", "libclrgcexp.so", "libcoreclrtraceptprovider.so"];

    /// <summary>
    /// Development settings never ship; a NuGet.config lands in a web app's publish folder as Content
    /// and can hold private feed credentials.
    /// </summary>
    public static readonly IReadOnlyList<string> AlwaysPruned =
        ["appsettings.Development.json", "**/appsettings.Development.json", "NuGet.config", "nuget.config", "NuGet.Config"];

    public bool ShouldPrune(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        if (keep.Any(pattern => Matches(pattern, path)))
            return false;
        return AlwaysPruned.Any(p => Glob.IsMatch(p, path))
            || (pruneRuntimePieces && RuntimePieces.Contains(path, StringComparer.Ordinal))
            || extraPrune.Any(pattern => Matches(pattern, path));
    }

    /// <summary>A bare file name ("createdump") matches that file at the root; anything else is a glob.</summary>
    private static bool Matches(string pattern, string path) => Glob.IsMatch(pattern, path);
}
