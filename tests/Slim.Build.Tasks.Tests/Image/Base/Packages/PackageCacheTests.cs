using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

[TestClass]
public sealed class PackageCacheTests
{
    [TestMethod]
    public void A_cached_deb_whose_bytes_changed_is_thrown_away_and_fetched_again()
    {
        var (_, entry) = DebianArchiveFixture.Deb("zlib1g");
        using var temp = new TempFolder();
        var cache = new PackageCache(temp.Path);
        var urls = DebianArchiveFixture.Sources.Select(s => s.PoolUrl(entry.Filename)).ToList();
        var first = DebianArchiveFixture.Downloader(cache).Get("zlib1g", entry.Sha256, urls);
        File.WriteAllBytes(first, [.. File.ReadAllBytes(first).Take(1000)]);

        Assert.IsNull(cache.Find(entry.Sha256), "a damaged copy is never used");
        Assert.IsFalse(File.Exists(first), "and is deleted");
        var again = DebianArchiveFixture.Downloader(cache).Get("zlib1g", entry.Sha256, urls);
        Assert.AreEqual(entry.Sha256, PackageCache.Hash(again));
        Assert.AreEqual(entry.Size, new FileInfo(again).Length);
    }

    [TestMethod]
    public void A_download_whose_hash_is_not_the_expected_one_is_an_error_and_nothing_is_kept()
    {
        var (_, entry) = DebianArchiveFixture.Deb("zlib1g");
        using var temp = new TempFolder();
        var cache = new PackageCache(temp.Path);
        var wrong = new string('0', 64);

        var error = Assert.ThrowsExactly<SlimException>(() =>
            DebianArchiveFixture.Downloader(cache).Get("zlib1g", wrong, [.. DebianArchiveFixture.Sources.Select(s => s.PoolUrl(entry.Filename))]));

        Assert.AreEqual(SlimDiagnostics.PackageDownloadMismatch, error.Diagnostic);
        Assert.AreEqual(entry.Sha256, error.Args[3], "the message names the hash received");
        Assert.AreEqual(0, Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Count(), "no file, not even a temporary one");
    }

    [TestMethod]
    public void An_unreachable_archive_names_what_was_wanted_and_the_cache()
    {
        using var temp = new TempFolder();
        var cache = new PackageCache(temp.Path);

        var error = Assert.ThrowsExactly<SlimException>(() =>
            DebianArchiveFixture.Downloader(cache).Get("libc6 2.36", new string('1', 64), ["http://127.0.0.1:9/debian/pool/main/g/glibc/libc6.deb"]));

        Assert.AreEqual(SlimDiagnostics.PackageArchiveUnreachable, error.Diagnostic);
        Assert.AreEqual("libc6 2.36", error.Args[0]);
        StringAssert.Contains((string)error.Args[1], "127.0.0.1:9");
        Assert.AreEqual(temp.Path, error.Args[2]);
    }
}
