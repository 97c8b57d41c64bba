namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>What a Packages index says of one package version: enough to fetch, check and lock it.</summary>
/// <param name="Filename">The .deb's path in the archive, pool/main/g/glibc/libc6_2.36-9+deb12u10_amd64.deb.</param>
internal sealed record IndexEntry(string Name, string Version, string Architecture, string? Source, string Suite, string Filename, long Size, string Sha256);
