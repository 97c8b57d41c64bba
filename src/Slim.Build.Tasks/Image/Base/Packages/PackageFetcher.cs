using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Gives a package's unpacked .deb by name: the version the lock pins (its SHA-256 checked, from the cache or the
/// archive's pool), or, for a package the lock lacks, the archive's newest, which then joins the lock. With
/// SlimLockedMode a package the lock lacks is an error naming it. Records what each package was taken for.
/// </summary>
internal sealed class PackageFetcher(PackageLock? lockFile, DebianArchive archive, PackageCache cache, ArchiveDownloader downloader,
    string architecture, bool lockedMode, string lockPath)
{
    private readonly Dictionary<string, (LockedPackage Package, DebContents Contents)> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> neededFor = new(StringComparer.Ordinal);

    /// <summary>Every package taken, with every need that brought it.</summary>
    public IReadOnlyList<LockedPackage> Taken =>
        [.. taken.Values.Select(t => t.Package with { NeededFor = [.. neededFor[t.Package.Name]] }).OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Whether a package was not in the lock and came from the archive's index.</summary>
    public bool AddedToLock { get; private set; }

    /// <exception cref="SlimException">The package cannot be had: not locked in locked mode, not in the archive, not fetchable, damaged.</exception>
    public DebContents Get(string name, string need)
    {
        if (!neededFor.TryGetValue(name, out var needs))
            neededFor[name] = needs = new SortedSet<string>(StringComparer.Ordinal);
        needs.Add(need);
        if (taken.TryGetValue(name, out var known))
            return known.Contents;

        var package = lockFile?.Find(name, architecture);
        var locked = package is not null;
        if (package is null)
        {
            if (lockedMode)
                throw new SlimException(SlimDiagnostics.PackageNotLocked, name, need, lockPath);
            if (archive.Sources.Count == 0)
                throw new SlimException(SlimDiagnostics.PackageNoArchive, $"the package {name} (for {need})", cache.Root, $"{DebianRelease.Version} ({DebianRelease.Codename})");
            var entry = archive.Newest(name)
                ?? throw new SlimException(SlimDiagnostics.PackageNotInArchive, name, need, archive.Suites, architecture);
            package = LockedPackage.From(entry, []);
            AddedToLock = true;
        }
        var what = $"{package.Name} {package.Version} ({package.Path})";
        if (cache.Find(package.Sha256) is null && archive.Sources.Count == 0)
            throw new SlimException(SlimDiagnostics.PackageNoArchive, what, cache.Root, $"{DebianRelease.Version} ({DebianRelease.Codename})");
        var deb = downloader.Get(what, package.Sha256, archive.PoolUrls(package.Path, package.Suite), locked ? SlimDiagnostics.PackageLockedVersionGone : null);
        DebContents contents;
        try
        {
            contents = DebUnpacker.Unpack(deb, cache.UnpackedFolder(package.Sha256));
        }
        catch (InvalidDataException e)
        {
            File.Delete(deb);
            throw new SlimException(SlimDiagnostics.PackageDebInvalid, what, deb, e.Message.TrimEnd('.'));
        }
        if (contents.Control.Name != package.Name || contents.Control.Version != package.Version)
            throw new SlimException(SlimDiagnostics.PackageLockInvalid, lockPath,
                $"the file it pins for {package.Name} {package.Version} is {contents.Control.Name} {contents.Control.Version}");
        taken[name] = (package, contents);
        return contents;
    }
}
