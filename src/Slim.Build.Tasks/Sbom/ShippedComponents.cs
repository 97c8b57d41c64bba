namespace Slim.Build.Tasks.Sbom;

/// <summary>
/// The SBOM lists what ships, not what restore downloaded. From the assets file and the final publish folder:
/// a NuGet package ships when one of its run-time files is in the publish folder or, for NativeAOT, one of its
/// assemblies is compiled into the executable; else it is named with scope excluded (trimmed away: it is in the
/// dependency graph a scanner matches, but no code of it is in the image). A runtime pack ships when its files do
/// (self-contained) or, for NativeAOT, when ILC compiled an assembly of it in: the NativeAOT runtime pack always (its
/// CoreLib and native runtime are the executable's runtime), the ASP.NET Core pack for a web app; the JIT runtime pack
/// never. The ILCompiler pack is a build tool: named with scope excluded. A pack that neither ships nor built the app
/// (the ASP.NET Core pack of a console app, the JIT runtime pack of a NativeAOT one) is left out.
/// </summary>
internal static class ShippedComponents
{
    public const string TrimmedAway = "trimmed away: none of its code is in the publish folder or the executable";
    public const string BuildTool = "build tool: the NativeAOT compiler (ILC) that made the executable; none of its files is in the image";

    public static IReadOnlyList<SbomComponent> From(ProjectAssets assets, PublishedContent published)
    {
        var components = new List<SbomComponent>();
        foreach (var package in assets.Packages)
        {
            var component = SbomComponent.NuGet(package.Id, package.Version).With(NuGetCacheEntry.Read(assets.PackageDirectory(package.Id, package.Version)));
            components.Add(Ships(package, published) ? component : component with { NotShippedBecause = TrimmedAway });
        }
        var compiledFrom = published.NativeAot && published.CompiledAssemblies is { } compiled ? PackOfEachAssembly(assets, compiled) : null;
        foreach (var pack in assets.Packs)
        {
            var component = SbomComponent.NuGet(pack.Id, pack.Version, SbomComponentKind.RuntimePack).With(NuGetCacheEntry.Read(assets.PackageDirectory(pack.Id, pack.Version)));
            switch (Decide(pack, assets, published, compiledFrom))
            {
                case PackFate.Ships:
                    components.Add(component);
                    break;
                case PackFate.BuildTool:
                    components.Add(component with { NotShippedBecause = BuildTool });
                    break;
            }
        }
        return components;
    }

    private enum PackFate { Ships, BuildTool, LeftOut }

    private static bool Ships(AssetsPackage package, PublishedContent published)
    {
        if (package.RuntimeFiles.Any(f => published.FileNames.Contains(f.Replace('\\', '/').Split('/')[^1])))
            return true;
        if (!published.NativeAot)
            return false;
        // No size map: what ILC kept cannot be told, and a package left out of the SBOM is worse than one too many.
        return published.CompiledAssemblies is not { } compiled || package.Assemblies.Any(compiled.Contains);
    }

    private static PackFate Decide(RuntimePack pack, ProjectAssets assets, PublishedContent published, IReadOnlySet<RuntimePack>? compiledFrom)
    {
        if (IsILCompiler(pack))
            return published.NativeAot ? PackFate.BuildTool : PackFate.LeftOut;
        if (IsNativeAotRuntime(pack))
            return published.NativeAot ? PackFate.Ships : PackFate.LeftOut;
        if (IsAppHost(pack))
            return !published.NativeAot && published.FileNames.Contains(published.AppHost) ? PackFate.Ships : PackFate.LeftOut;
        if (published.NativeAot)
        {
            if (compiledFrom is not null)
                return compiledFrom.Contains(pack) ? PackFate.Ships : PackFate.LeftOut;
            // No size map: the JIT runtime pack is never in a NativeAOT app; another framework's pack may be.
            return assets.Packs.Any(IsNativeAotRuntime) && IsSameFramework(pack, assets.Packs.First(IsNativeAotRuntime)) ? PackFate.LeftOut : PackFate.Ships;
        }
        return assets.PackFiles(pack).Any(published.FileNames.Contains) ? PackFate.Ships : PackFate.LeftOut;
    }

    /// <summary>The runtime pack each compiled assembly comes from; the NativeAOT pack first, as its CoreLib is the one ILC compiles.</summary>
    private static HashSet<RuntimePack> PackOfEachAssembly(ProjectAssets assets, IReadOnlySet<string> compiled)
    {
        var owner = new Dictionary<string, RuntimePack>(StringComparer.OrdinalIgnoreCase);
        foreach (var pack in assets.Packs.Where(p => !IsILCompiler(p) && !IsAppHost(p)).OrderBy(p => IsNativeAotRuntime(p) ? 0 : 1).ThenBy(p => p.Id, StringComparer.Ordinal))
            foreach (var file in assets.PackFiles(pack).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                owner.TryAdd(file[..^4], pack);
        return compiled.Select(a => owner.GetValueOrDefault(a)).OfType<RuntimePack>().ToHashSet();
    }

    private static bool IsILCompiler(RuntimePack pack) => pack.Id.EndsWith(".Microsoft.DotNet.ILCompiler", StringComparison.OrdinalIgnoreCase);

    private static bool IsNativeAotRuntime(RuntimePack pack) => pack.Id.Contains(".App.Runtime.NativeAOT.", StringComparison.OrdinalIgnoreCase);

    private static bool IsAppHost(RuntimePack pack) => pack.Id.Contains(".App.Host.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Microsoft.NETCore.App.Runtime.linux-x64 and Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64: one framework.</summary>
    private static bool IsSameFramework(RuntimePack pack, RuntimePack nativeAot) =>
        pack.Id.Split(".App.Runtime.")[0].Equals(nativeAot.Id.Split(".App.Runtime.")[0], StringComparison.OrdinalIgnoreCase);
}
