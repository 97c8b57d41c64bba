using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Attribution;

/// <summary>Which package a published file or a compiled assembly comes from, by name, from the assets file and the packs' folders.</summary>
internal sealed class PackageIndex
{
    private readonly Dictionary<string, OriginKey> _packageFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OriginKey> _packageAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OriginKey> _packFiles = new(StringComparer.OrdinalIgnoreCase);

    public PackageIndex(ProjectAssets assets)
    {
        Assets = assets;
        foreach (var package in assets.Packages)
        {
            var key = new OriginKey(OriginKey.NuGetPackage, package.Id, package.Version);
            foreach (var file in package.RuntimeFiles)
                _packageFiles.TryAdd(file.Replace('\\', '/').Split('/')[^1], key);
            foreach (var assembly in package.Assemblies)
                _packageAssemblies.TryAdd(assembly, key);
        }
        // A NativeAOT app's CoreLib is the NativeAOT pack's, not the JIT runtime pack's: that pack goes first.
        foreach (var pack in assets.Packs.OrderBy(p => p.Id.Contains("NativeAOT", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var key = new OriginKey(OriginKey.RuntimePack, pack.Id, pack.Version);
            foreach (var file in assets.PackFiles(pack))
                _packFiles.TryAdd(file, key);
        }
    }

    public ProjectAssets Assets { get; }

    /// <summary>The NuGet package a published file of that name comes from.</summary>
    public OriginKey? PackageOfFile(string fileName) => _packageFiles.GetValueOrDefault(fileName);

    /// <summary>The runtime pack a published file of that name comes from.</summary>
    public OriginKey? PackOfFile(string fileName) => _packFiles.GetValueOrDefault(fileName);

    /// <summary>"Humanizer" -> Humanizer.Core; "System.Private.CoreLib" -> the runtime pack that holds it.</summary>
    public OriginKey? OfAssembly(string assembly) =>
        _packageAssemblies.GetValueOrDefault(assembly) ?? _packFiles.GetValueOrDefault(assembly + ".dll");

    /// <summary>The pack the executable's native runtime comes from: the NativeAOT runtime pack, else the ILCompiler pack.</summary>
    public OriginKey NativeRuntime()
    {
        var pack = Assets.Packs.FirstOrDefault(p => p.Id.Contains("NativeAOT", StringComparison.OrdinalIgnoreCase))
                   ?? Assets.Packs.FirstOrDefault(p => p.Id.EndsWith("ILCompiler", StringComparison.OrdinalIgnoreCase));
        return pack is null ? new OriginKey(OriginKey.RuntimePack, "NativeAOT runtime", null) : new OriginKey(OriginKey.RuntimePack, pack.Id, pack.Version);
    }
}
