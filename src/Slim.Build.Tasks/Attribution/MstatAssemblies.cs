using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// The assemblies ILC's size map says the executable holds, kept beside the step's state under the map's SHA-256: an
/// unchanged NativeAOT republish does not parse the map again for the SBOM (a web app's is 11 MB: about 60 ms). The
/// map is the project's own output, so it is known by its bytes, not by its size and write time.
/// </summary>
internal sealed record MstatAssemblies(string Sha256, IReadOnlyList<string> Assemblies)
{
    /// <param name="memoFile">e.g. obj/.../slim/mstat-assemblies.json.</param>
    /// <exception cref="BadImageFormatException">and the others <see cref="MstatReader.Read"/> throws for a map it cannot read.</exception>
    public static IReadOnlyList<string> Read(string mstatFile, string memoFile)
    {
        var sha256 = FileSha256.Hex(mstatFile);
        if (StateFile.TryLoad(memoFile, AttributionStateJson.Default.MstatAssemblies) is { } kept && kept.Sha256 == sha256)
            return kept.Assemblies;
        var assemblies = MstatReader.Read(mstatFile).Assemblies.Keys.Order(StringComparer.Ordinal).ToList();
        StateFile.Save(memoFile, new MstatAssemblies(sha256, assemblies), AttributionStateJson.Default.MstatAssemblies);
        return assemblies;
    }
}
