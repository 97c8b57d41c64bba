namespace Slim.Build.Tasks.Image.Base;

/// <summary>A Debian package some of whose files the base carries: for the report and the SBOM.</summary>
/// <param name="Source">The source package when it differs from <paramref name="Name"/> (libc6's is glibc).</param>
/// <param name="Files">The image paths of its files in the base, e.g. lib/x86_64-linux-gnu/libc.so.6.</param>
internal sealed record BasePackage(string Name, string Version, string Architecture, string? Source, IReadOnlyList<string> Files)
{
    /// <summary>The source package's version when dpkg records one apart from the binary's ("Source: gcc-12 (12.2.0-14)").</summary>
    public string? SourceVersion { get; init; }
}
