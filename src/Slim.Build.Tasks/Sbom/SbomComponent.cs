namespace Slim.Build.Tasks.Sbom;

internal enum SbomComponentKind
{
    /// <summary>A NuGet package whose assets the app is built from.</summary>
    NuGetPackage,
    /// <summary>A runtime or ILCompiler pack: the runtime the app carries (or was compiled with, for NativeAOT).</summary>
    RuntimePack,
    /// <summary>A Debian package some of whose files the image's base carries.</summary>
    DebianPackage,
}

/// <summary>One component of the SBOM: a package with its exact version and its package URL.</summary>
internal sealed record SbomComponent(SbomComponentKind Kind, string Name, string Version, string Purl)
{
    public static SbomComponent NuGet(string id, string version, SbomComponentKind kind = SbomComponentKind.NuGetPackage) =>
        new(kind, id, version, PackageUrl.NuGet(id, version));

    /// <param name="distro">"debian-12", from the base's /etc/os-release.</param>
    public static SbomComponent Debian(string name, string version, string architecture, string? distro) =>
        new(SbomComponentKind.DebianPackage, name, version, PackageUrl.Debian(name, version, architecture, distro));
}
