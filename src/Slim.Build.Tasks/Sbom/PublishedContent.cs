namespace Slim.Build.Tasks.Sbom;

/// <summary>What the final publish folder holds, against which the SBOM decides which restored packages and packs ship.</summary>
/// <param name="FileNames">The publish folder's file names (this project's own, without folders).</param>
/// <param name="AppHost">The app's executable name ("WebApp"): the app host a runtime host pack ships, for a publish that is not NativeAOT.</param>
/// <param name="NativeAot">The app is one NativeAOT executable: the code of its packages and runtime is compiled into it.</param>
/// <param name="CompiledAssemblies">The assemblies ILC compiled into that executable, from its size map; null when unknown (no size map).</param>
internal sealed record PublishedContent(IReadOnlySet<string> FileNames, string AppHost, bool NativeAot, IReadOnlySet<string>? CompiledAssemblies)
{
    public static PublishedContent Of(IEnumerable<string> relativeFiles, string appHost, bool nativeAot, IEnumerable<string>? compiledAssemblies) =>
        new(relativeFiles.Select(f => f.Replace('\\', '/').Split('/')[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase), appHost, nativeAot,
            compiledAssemblies?.ToHashSet(StringComparer.OrdinalIgnoreCase));
}
