using System.Runtime.InteropServices;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// SlimUpdatePackageLock's work: every package the lock pins (the base's and the NativeAOT sysroot's), for every architecture it holds, moves to the newest
/// version the archive's suites offer (security updates), read through the usual chain of trust (InRelease's
/// signature and Valid-Until, the index's SHA-256). Each new .deb is fetched, checked against the index's SHA-256 and
/// unpacked into the cache before anything is written, so a failure leaves the lock as it was. A package whose
/// archive version is not newer keeps its entry; the set of packages does not change (a publish decides that).
/// </summary>
internal static class PackageLockUpdater
{
    /// <returns>The updated lock and what moved; null when there is no lock to update.</returns>
    /// <exception cref="SlimException">A damaged lock, no archive, an untrusted or stale release, a package gone from the archive, a bad download.</exception>
    public static PackageLockUpdate? Update(PackageSettings settings, PackageCache cache, ArchiveDownloader downloader, TimeProvider? clock = null)
    {
        var current = PackageLock.ReadOrFail(settings.LockFile);
        if (current is null)
            return null;

        var architectures = current.Packages.Concat(current.Sysroot ?? []).Select(p => p.Architecture).Where(a => a != "all").Distinct().Order(StringComparer.Ordinal).ToList();
        // Architecture: all packages are in every architecture's index: the lock's first one (this machine's when it has none) serves them.
        var forAll = architectures.FirstOrDefault() ?? DebianRelease.Architecture(RuntimeInformation.OSArchitecture) ?? "amd64";
        var archives = new Dictionary<string, DebianArchive>(StringComparer.Ordinal);
        var changes = new List<(LockedPackage From, LockedPackage To)>();
        var sysrootChanges = new List<(LockedPackage From, LockedPackage To)>();

        List<LockedPackage> Move(IEnumerable<LockedPackage> pinned, List<(LockedPackage From, LockedPackage To)> moves)
        {
            var packages = new List<LockedPackage>();
            foreach (var package in pinned)
            {
                var architecture = package.Architecture == "all" ? forAll : package.Architecture;
                if (!archives.TryGetValue(architecture, out var archive))
                {
                    archives[architecture] = archive = DebianArchive.Open(settings, architecture, downloader, clock);
                    if (archive.Sources.Count == 0)
                        throw new SlimException(SlimDiagnostics.PackageNoArchive, $"the newest versions of the packages '{settings.LockFile}' pins", cache.Root,
                            $"{DebianRelease.Version} ({DebianRelease.Codename})");
                }
                var newest = archive.Newest(package.Name)
                    ?? throw new SlimException(SlimDiagnostics.PackageNotInArchive, package.Name,
                        package.NeededFor.Count > 0 ? string.Join(", ", package.NeededFor) : "the lock", archive.Suites, architecture);
                if (DebianVersion.Compare(newest.Version, package.Version) > 0)
                {
                    var moved = LockedPackage.From(newest, package.NeededFor);
                    packages.Add(moved);
                    moves.Add((package, moved));
                }
                else
                {
                    packages.Add(package);
                }
            }
            return packages;
        }

        // The NativeAOT sysroot's pins (docs/multiarch.md) move with the base's: both are the same archive's security updates.
        var updated = current with { Packages = Move(current.Packages, changes), Sysroot = current.Sysroot is null ? null : Move(current.Sysroot, sysrootChanges) };
        foreach (var (pins, moves) in new[] { (updated, changes), (updated with { Packages = updated.Sysroot ?? [] }, sysrootChanges) })
            foreach (var (architecture, archive) in archives)
            {
                var fetcher = new PackageFetcher(pins, archive, cache, downloader, architecture, lockedMode: true, settings.LockFile);
                foreach (var (_, moved) in moves.Where(c => (c.From.Architecture == "all" ? forAll : c.From.Architecture) == architecture))
                    fetcher.Get(moved.Name, "the lock update");
            }
        changes.AddRange(sysrootChanges);
        return new PackageLockUpdate(updated, changes);
    }
}
