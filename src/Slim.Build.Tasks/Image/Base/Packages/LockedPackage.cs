namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>One package the lock pins: the exact .deb, where the archive keeps it, and why the base takes it.</summary>
/// <param name="Source">The source package (glibc for libc6, openssl for libssl3); the package's own name when it has none of its own.</param>
/// <param name="Suite">The suite it was found in (bookworm, bookworm-security): its archive is tried first.</param>
/// <param name="Path">Its path in the archive, pool/main/g/glibc/libc6_2.36-9+deb12u10_amd64.deb.</param>
/// <param name="Sha256">The .deb's SHA-256, from the signed index when it was locked; every later publish checks the file against it.</param>
/// <param name="NeededFor">The needs that brought it: glibc, openssl, tzdata, libstdc++.so.6 (needed by libicuuc.so.72), depends of libstdc++6.</param>
internal sealed record LockedPackage(string Name, string Version, string Architecture, string Source, string Suite, string Path, long Size, string Sha256,
    IReadOnlyList<string> NeededFor)
{
    public static LockedPackage From(IndexEntry entry, IReadOnlyList<string> neededFor) =>
        new(entry.Name, entry.Version, entry.Architecture, entry.Source ?? entry.Name, entry.Suite, entry.Filename, entry.Size, entry.Sha256, neededFor);

    public bool Serves(string architecture) => Architecture == architecture || Architecture == "all";
}
