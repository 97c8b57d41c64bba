using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>
/// The Debian archive this machine's apt sources name, with a package cache the tests own (under /tmp, kept between
/// runs so the 9 MB index and the .deb files are downloaded once; never ~/.cache). Tests that take a package from it
/// read real, signed archive data.
/// </summary>
internal static class DebianArchiveFixture
{
    public static readonly string CacheRoot = Path.Combine(Path.GetTempPath(), "slim-unit-package-cache");

    public static PackageCache Cache => PackageCache.Under(CacheRoot);

    public static IReadOnlyList<AptSource> Sources => AptSources.OfMachine(DebianRelease.Codename);

    public static ArchiveDownloader Downloader(PackageCache? cache = null) => new(cache ?? Cache, SharedHttpClient.Instance);

    public static DebianArchive Archive(PackageCache? cache = null, IReadOnlyList<AptSource>? sources = null) =>
        new(sources ?? Sources, "amd64", PackageSettings.DebianKeyring, Downloader(cache));

    private static readonly Lazy<PackagesIndex> SharedIndex = new(() => Archive().Index());

    /// <summary>bookworm's, -updates' and -security's amd64 indexes, read once for the test run.</summary>
    public static PackagesIndex Index => SharedIndex.Value;

    /// <summary>The newest .deb of <paramref name="name"/>, downloaded into the tests' cache, and its index entry.</summary>
    public static (string Deb, IndexEntry Entry) Deb(string name)
    {
        var entry = Index.Newest(name) ?? throw new AssertFailedException($"{name} is not in the archive's index");
        var deb = Downloader().Get(name, entry.Sha256, [.. Sources.Select(s => s.PoolUrl(entry.Filename))]);
        return (deb, entry);
    }
}
