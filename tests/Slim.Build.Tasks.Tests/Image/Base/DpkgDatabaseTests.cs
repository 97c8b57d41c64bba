using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>This usr-merged Debian 12: dpkg knows libc6's files under /lib, libssl3's under /usr/lib.</summary>
[TestClass]
public sealed class DpkgDatabaseTests
{
    private static readonly DpkgDatabase Dpkg = DpkgDatabase.Read() ?? throw new AssertInconclusiveException("no dpkg database");

    [TestMethod]
    [DataRow("/lib/x86_64-linux-gnu/libc.so.6", "libc6")]
    [DataRow("/usr/lib/x86_64-linux-gnu/libc.so.6", "libc6")]
    [DataRow("/lib64/ld-linux-x86-64.so.2", "libc6")]
    [DataRow("/usr/lib/x86_64-linux-gnu/libssl.so.3", "libssl3")]
    [DataRow("/lib/x86_64-linux-gnu/libssl.so.3", "libssl3")]
    public void A_file_is_found_under_either_spelling_of_the_merged_folders(string path, string package)
    {
        var owner = Dpkg.OwnerOf(path);

        Assert.AreEqual(package, owner?.Name, path);
        Assert.AreEqual(HostMachine.DpkgVersion(package), owner!.Version);
    }

    [TestMethod]
    public void Dpkg_itself_fails_on_the_usr_spelling_of_libc_which_is_why_both_are_tried()
    {
        var list = File.ReadAllLines("/var/lib/dpkg/info/libc6:amd64.list");
        CollectionAssert.Contains(list, "/lib/x86_64-linux-gnu/libc.so.6");
        CollectionAssert.DoesNotContain(list, "/usr/lib/x86_64-linux-gnu/libc.so.6");
    }

    [TestMethod]
    public void A_link_is_found_through_the_file_behind_it()
    {
        var icu = Directory.GetFiles("/usr/lib/x86_64-linux-gnu", "libicuuc.so.*").Single(f => new FileInfo(f).LinkTarget is not null && f.Count(c => c == '.') == 2);
        var real = Slim.Build.Tasks.IO.RealPath.Of(icu)!;

        Assert.AreEqual(Dpkg.OwnerOf(real)?.Name, Dpkg.OwnerOf("/nonexistent/spelling", real)?.Name);
        StringAssert.StartsWith(Dpkg.OwnerOf("/nonexistent/spelling", real)!.Name, "libicu");
        Assert.IsNull(Dpkg.OwnerOf("/tmp/slim-owned-by-no-package"));
    }

    [TestMethod]
    [DataRow("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6|/lib/x86_64-linux-gnu/libc.so.6")]
    [DataRow("/lib64/ld-linux-x86-64.so.2", "/lib64/ld-linux-x86-64.so.2|/usr/lib64/ld-linux-x86-64.so.2")]
    [DataRow("/usr/share/zoneinfo/UTC", "/usr/share/zoneinfo/UTC")]
    [DataRow("/usr/libexec/x", "/usr/libexec/x")]
    public void Spellings(string path, string expected) =>
        Assert.AreEqual(expected, string.Join('|', DpkgDatabase.Spellings(path)));
}
