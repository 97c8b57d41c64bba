namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// report.json's <c>attribution</c>: every byte of the publish folder and of the image, grouped by where it comes
/// from. Each list's bytes add up to its whole (the publish folder's files; the image's files, unpacked).
/// </summary>
/// <param name="Publish">The publish folder by origin, largest first.</param>
/// <param name="Image">The image's files by origin, largest first; null when no image was built.</param>
/// <param name="Executable">A NativeAOT executable split by assembly with ILC's size map; null otherwise.</param>
/// <param name="MultipleVersions">Packages present in more than one version (a NuGet package whose assemblies a runtime pack also carries counts).</param>
/// <param name="TrimmedAway">Packages the assets file lists whose code contributes no byte: candidates to remove.</param>
internal sealed record AttributionSection(
    IReadOnlyList<OriginBytes> Publish,
    IReadOnlyList<OriginBytes>? Image,
    ExecutableSplit? Executable,
    IReadOnlyList<PackageVersions> MultipleVersions,
    IReadOnlyList<PackageIdentity> TrimmedAway);

/// <summary>Bytes from one origin.</summary>
/// <param name="Kind">app, content, nuget-package, runtime-pack, base-package (Debian), base (files Slim writes), sbom, other.</param>
/// <param name="Name">The package ("Humanizer.Core", "Microsoft.NETCore.App.Runtime.linux-x64", "libc6"), or the kind for app/content/base/sbom/other.</param>
/// <param name="Files">The files (publish-relative or image paths) with bytes from it; for a split executable, its path with the assemblies named.</param>
internal sealed record OriginBytes(string Kind, string Name, string? Version, long Bytes, IReadOnlyList<string> Files);

/// <param name="Path">The executable, relative to the publish folder.</param>
/// <param name="MstatFile">ILC's size map it was split with.</param>
/// <param name="Assemblies">Each assembly's share with its origin, largest first.</param>
/// <param name="NativeBytes">What no assembly accounts for: the native runtime, ILC's data blobs, ELF headers.</param>
internal sealed record ExecutableSplit(string Path, long Bytes, string MstatFile, IReadOnlyList<AssemblyBytes> Assemblies, long NativeBytes, string NativeOrigin);

/// <param name="Bytes">The assembly's code, type data, static data and resources, as ILC measured them.</param>
internal sealed record AssemblyBytes(string Assembly, string Kind, string Name, string? Version, long Bytes);

internal sealed record PackageVersions(string Name, IReadOnlyList<string> Versions);

internal sealed record PackageIdentity(string Name, string Version);
