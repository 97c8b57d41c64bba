using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The Debian archive as the chain of trust gives it: each suite's InRelease verified against the keyring, its
/// Packages index (xz, else gz) checked against InRelease's SHA-256, and the index read for the newest version of a
/// package. Indexes are read only when a package is not in the lock, once per build. An InRelease past its Valid-Until
/// is refused (a validly signed but stale release would offer old versions) unless the settings accept expired
/// releases, as a snapshot archive needs.
/// </summary>
/// <param name="acceptExpired">SlimPackageAllowExpiredRelease: Valid-Until is not checked.</param>
/// <param name="clock">What "now" is for Valid-Until; the system clock when null.</param>
internal sealed class DebianArchive(IReadOnlyList<AptSource> sources, string architecture, string defaultKeyring, ArchiveDownloader downloader,
    bool acceptExpired = false, TimeProvider? clock = null)
{
    private PackagesIndex? index;

    /// <summary>The archive the settings name: SlimPackageMirror, else this machine's apt sources; a keyring the project names wins over apt's Signed-By.</summary>
    public static DebianArchive Open(PackageSettings settings, string architecture, ArchiveDownloader downloader, TimeProvider? clock = null)
    {
        var sources = string.IsNullOrWhiteSpace(settings.Mirror)
            ? AptSources.OfMachine(DebianRelease.Codename)
            : AptSources.FromMirror(settings.Mirror, DebianRelease.Codename);
        if (!string.IsNullOrWhiteSpace(settings.Keyring))
            sources = [.. sources.Select(s => s with { SignedBy = null })];
        return new DebianArchive(sources, architecture, settings.KeyringPath, downloader, settings.AllowExpiredRelease, clock);
    }

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
        InRelease release;
        try
        {
            release = InRelease.Parse(signed);
        }
        catch (FormatException e)
        {
            throw new SlimException(SlimDiagnostics.PackageReleaseUnverified, url, e.Message, keyringPath);
        }
        if (release.Codename is { } codename && codename != DebianRelease.Codename && !codename.StartsWith(DebianRelease.Codename + "-", StringComparison.Ordinal))
            throw new SlimException(SlimDiagnostics.PackageReleaseUnverified, url, $"it is the release '{codename}', not Debian {DebianRelease.Version} ({DebianRelease.Codename})", keyringPath);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        if (!acceptExpired && release.ValidUntil is { } validUntil && validUntil < now)
            throw new SlimException(SlimDiagnostics.PackageReleaseExpired, suite, url, Date(validUntil), Date(now));
        return release;
    }

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

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
