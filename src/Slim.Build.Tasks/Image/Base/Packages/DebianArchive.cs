using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The Debian archive as the chain of trust gives it: each suite's InRelease verified against the keyring, its
/// Packages index (xz, else gz) checked against InRelease's SHA-256, and the index read for the newest version of a
/// package. Indexes are read only when a package is not in the lock, once per build.
/// </summary>
internal sealed class DebianArchive(IReadOnlyList<AptSource> sources, string architecture, string defaultKeyring, ArchiveDownloader downloader)
{
    private PackagesIndex? index;

    public IReadOnlyList<AptSource> Sources => sources;

    /// <summary>The URLs a locked .deb may be fetched from: its suite's archives first.</summary>
    public IReadOnlyList<string> PoolUrls(string archivePath, string? suite) =>
        [.. sources.OrderBy(s => suite is not null && s.Suites.Contains(suite) ? 0 : 1).Select(s => s.PoolUrl(archivePath))];

    public string Suites => string.Join(", ", sources.SelectMany(s => s.Suites).Distinct());

    /// <summary>The newest version of <paramref name="name"/> in the suites, reading the indexes the first time; throws a SlimException when they cannot be read or trusted.</summary>
    public IndexEntry? Newest(string name) => Index().Newest(name);

    public PackagesIndex Index()
    {
        if (index is not null)
            return index;
        var read = new PackagesIndex();
        foreach (var source in sources)
        {
            var keyring = Keyring(source.SignedBy ?? defaultKeyring);
            foreach (var suite in source.Suites)
            {
                var release = Release(source, suite, keyring, source.SignedBy ?? defaultKeyring);
                var (file, hash) = new[] { ".xz", ".gz", "" }
                    .Select(ext => $"main/binary-{architecture}/Packages{ext}")
                    .Where(f => release.Files.ContainsKey(f)).Select(f => (f, release.Files[f])).FirstOrDefault();
                if (file is null)
                    continue; // the suite has no packages for this processor (an empty -updates suite)
                var path = downloader.Get($"the {suite} Packages index", hash.Sha256, [source.DistsUrl(suite, file)]);
                using var text = new StreamReader(Decompression.Open(File.OpenRead(path), file));
                read.Add(text, suite);
            }
        }
        return index = read;
    }

    private InRelease Release(AptSource source, string suite, ArchiveKeyring keyring, string keyringPath)
    {
        var url = source.DistsUrl(suite, "InRelease");
        var failures = new List<string>();
        var document = downloader.GetText([url], failures)
            ?? throw new SlimException(SlimDiagnostics.PackageArchiveUnreachable, $"the {suite} InRelease", string.Join("; ", failures), downloader.CacheRoot);
        var signed = ClearsignedText.Verify(document, keyring, out var whyNot)
            ?? throw new SlimException(SlimDiagnostics.PackageReleaseUnverified, url, whyNot ?? "no signature verifies", keyringPath);
        var release = InRelease.Parse(signed);
        if (release.Codename is { } codename && codename != DebianRelease.Codename && !codename.StartsWith(DebianRelease.Codename + "-", StringComparison.Ordinal))
            throw new SlimException(SlimDiagnostics.PackageReleaseUnverified, url, $"it is the release '{codename}', not Debian {DebianRelease.Version} ({DebianRelease.Codename})", keyringPath);
        return release;
    }

    private readonly Dictionary<string, ArchiveKeyring> keyrings = new(StringComparer.Ordinal);

    private ArchiveKeyring Keyring(string path)
    {
        if (keyrings.TryGetValue(path, out var known))
            return known;
        if (!File.Exists(path))
            throw new SlimException(SlimDiagnostics.PackageKeyringMissing, path);
        try
        {
            return keyrings[path] = ArchiveKeyring.Read(path);
        }
        catch (IOException e)
        {
            throw new SlimException(SlimDiagnostics.PackageReleaseUnverified, "InRelease", "the keyring cannot be read: " + e.Message, path);
        }
    }
}
