using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>A framework the image carries, at the version the app rolls forward to.</summary>
internal sealed record ResolvedFramework(string Name, FrameworkVersion Version)
{
    public override string ToString() => $"{Name} {Version}";
}

/// <summary>The shared runtime a framework-dependent app runs on, as a layer of its own.</summary>
/// <param name="Entries">The layer: /usr/share/dotnet (frameworks, hostfxr, the muxer when the entrypoint calls dotnet) and /usr/bin/dotnet.</param>
/// <param name="HostLibraries">What the runtime's own native files need from the base (their DT_NEEDED closure).</param>
/// <param name="Environment">DOTNET_ROOT, so an apphost finds the runtime; PATH, so "dotnet" is found.</param>
internal sealed record SharedRuntime(
    IReadOnlyList<LayerEntry> Entries,
    IReadOnlyList<ResolvedFramework> Frameworks,
    IReadOnlyList<NativeLibraryNeed> HostLibraries,
    IReadOnlyList<(string Name, string Value)> Environment)
{
    public string Holds => "shared runtime: " + string.Join(", ", Frameworks);
}
