using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>A dpkg database in a temporary folder, in dpkg's own formats, and the per-user answers kept between builds.</summary>
[TestClass]
public sealed class DpkgOwnerCacheTests
{
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Multi-Arch: same
        Architecture: amd64
        Version: 2.36-9+deb12u13

        Package: tzdata
        Status: install ok installed
        Architecture: all
        Version: 2025b-0+deb12u2

        """;

    private static string Root(TempFolder temp)
    {
        temp.File("dpkg/status", System.Text.Encoding.UTF8.GetBytes(Status));
        temp.File("dpkg/info/libc6:amd64.list", "/.\n/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/libc.so.6\n"u8.ToArray());
        temp.File("dpkg/info/tzdata.list", "/.\n/usr/share/zoneinfo/UTC\n"u8.ToArray());
        return Path.Combine(temp.Path, "dpkg");
    }

    private static string Cache(TempFolder temp) => Path.Combine(temp.Path, "cache");

    /// <summary>Rewrites a .list in place, as no dpkg run would: only a build that reads the lists again sees it.</summary>
    private static void RewriteListInPlace(string root, string list, string content)
    {
        var path = Path.Combine(root, "info", list);
        var folderTime = Directory.GetLastWriteTimeUtc(Path.Combine(root, "info"));
        File.WriteAllText(path, content);
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "info"), folderTime);
    }

    [TestMethod]
    public void A_second_build_takes_the_answers_from_the_cache_while_dpkg_is_unchanged()
    {
        using var temp = new TempFolder();
        var root = Root(temp);
        var first = DpkgDatabase.Read(root, Cache(temp))!;
        Assert.AreEqual("libc6", first.OwnerOf("/usr/lib/x86_64-linux-gnu/libc.so.6")?.Name);
        Assert.IsNull(first.OwnerOf("/etc/hostname"));
        first.SaveAnswers();
        Assert.IsTrue(File.Exists(Path.Combine(Cache(temp), DpkgOwnerCache.FileName)));

        RewriteListInPlace(root, "libc6:amd64.list", "/.\n");
        RewriteListInPlace(root, "tzdata.list", "/.\n/usr/share/zoneinfo/UTC\n/etc/hostname\n");
        var second = DpkgDatabase.Read(root, Cache(temp))!;

        Assert.AreEqual("libc6", second.OwnerOf("/usr/lib/x86_64-linux-gnu/libc.so.6")?.Name, "answered from the cache: the lists were not read");
        Assert.AreEqual("2.36-9+deb12u13", second.OwnerOf("/usr/lib/x86_64-linux-gnu/libc.so.6")?.Version, "the package's fields come from the status file");
        Assert.IsNull(second.OwnerOf("/etc/hostname"), "'no owner' is an answer too");
        Assert.AreEqual("tzdata", second.OwnerOf("/usr/share/zoneinfo/UTC")?.Name, "a path never asked reads the lists");
        Assert.IsNull(DpkgDatabase.Read(root)!.OwnerOf("/usr/lib/x86_64-linux-gnu/libc.so.6"), "without a cache the lists are read");
    }

    [TestMethod]
    public void Installing_or_upgrading_a_package_makes_the_answers_stale()
    {
        using var temp = new TempFolder();
        var root = Root(temp);
        var first = DpkgDatabase.Read(root, Cache(temp))!;
        Assert.AreEqual("libc6", first.OwnerOf("/lib/x86_64-linux-gnu/libc.so.6")?.Name);
        first.SaveAnswers();

        RewriteListInPlace(root, "libc6:amd64.list", "/.\n");
        File.AppendAllText(Path.Combine(root, "status"), "Package: hello\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n\n");

        Assert.IsNull(DpkgDatabase.Read(root, Cache(temp))!.OwnerOf("/lib/x86_64-linux-gnu/libc.so.6"), "dpkg's status changed: the lists are read again");
    }

    [TestMethod]
    public void A_cache_file_that_is_not_json_is_rebuilt()
    {
        using var temp = new TempFolder();
        var root = Root(temp);
        temp.File("cache/" + DpkgOwnerCache.FileName, "{ not json"u8.ToArray());

        var dpkg = DpkgDatabase.Read(root, Cache(temp))!;
        Assert.AreEqual("tzdata", dpkg.OwnerOf("/usr/share/zoneinfo/UTC")?.Name);
        dpkg.SaveAnswers();

        StringAssert.Contains(File.ReadAllText(Path.Combine(Cache(temp), DpkgOwnerCache.FileName)), "/usr/share/zoneinfo/UTC");
    }
}
