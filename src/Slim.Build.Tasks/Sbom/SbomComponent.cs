namespace Slim.Build.Tasks.Sbom;

internal enum SbomComponentKind
{
    /// <summary>A NuGet package whose assets the app is built from.</summary>
    NuGetPackage,
    /// <summary>A runtime, app host or ILCompiler pack: the runtime the app carries (or, for NativeAOT, was compiled with).</summary>
    RuntimePack,
    /// <summary>A Debian package some of whose files the image's base carries.</summary>
    DebianPackage,
}

/// <summary>One component of the SBOM: a package with its exact version and its package URL.</summary>
internal sealed record SbomComponent(SbomComponentKind Kind, string Name, string Version, string Purl)
{
    /// <summary>The nuspec's SPDX license expression ("MIT").</summary>
    public string? LicenseExpression { get; init; }
    /// <summary>The nuspec's licenseUrl, when it gives no expression.</summary>
    public string? LicenseUrl { get; init; }
    /// <summary>The license file the package carries (a nuspec license of type file), when it gives no expression.</summary>
    public string? LicenseFile { get; init; }
    /// <summary>The .nupkg's SHA-512, lower-case hex, from the NuGet cache's .nupkg.sha512.</summary>
    public string? Sha512 { get; init; }
    /// <summary>
    /// Why a component named in the SBOM is not in the image (CycloneDX scope excluded): a build tool that made it, a
    /// package trimmed away. Null: it ships.
    /// </summary>
    public string? NotShippedBecause { get; init; }
    /// <summary>A Debian package's source package (glibc for libc6); null when it is built from its own-named source.</summary>
    public string? Source { get; init; }
    /// <summary>That source package's version when dpkg records one apart from the binary's.</summary>
    public string? SourceVersion { get; init; }

    public static SbomComponent NuGet(string id, string version, SbomComponentKind kind = SbomComponentKind.NuGetPackage) =>
        new(kind, id, version, PackageUrl.NuGet(id, version));

    /// <param name="distro">"debian-12", from the base's /etc/os-release.</param>
    /// <param name="source">dpkg's Source: field without its version (glibc for libc6); null when it is the package's own name.</param>
    public static SbomComponent Debian(string name, string version, string architecture, string? distro, string? source = null, string? sourceVersion = null) =>
        new(SbomComponentKind.DebianPackage, name, version, PackageUrl.Debian(name, version, architecture, distro, source, sourceVersion))
        {
            Source = source, SourceVersion = sourceVersion,
        };

    /// <summary>This package with the license and hash the NuGet cache holds for it.</summary>
    public SbomComponent With(NuGetCacheEntry entry) => this with
    {
        LicenseExpression = entry.LicenseExpression, LicenseUrl = entry.LicenseUrl, LicenseFile = entry.LicenseFile, Sha512 = entry.Sha512,
    };
}
