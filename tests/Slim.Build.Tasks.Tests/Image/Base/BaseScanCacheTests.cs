using Slim.Build.Tasks.Image.Base.Layout;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class BaseScanCacheTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [TestMethod]
    public void A_scan_is_kept_and_read_back_with_its_os_release()
    {
        using var folder = new TempFolder();
        var cache = new BaseScanCache(folder.Path);
        var scan = new BaseLayerScan("sha256:diff", 10, 5, new Dictionary<string, string?>(), null) { OsRelease = new Dictionary<string, string?> { ["etc/os-release"] = "ID=debian\n" } };
        cache.Keep(Digest, scan);
        Assert.AreEqual("ID=debian\n", cache.Get(Digest)?.OsRelease?["etc/os-release"]);
    }

    [TestMethod]
    public void A_scan_kept_before_scans_read_os_release_is_a_miss_so_the_layer_is_scanned_again()
    {
        using var folder = new TempFolder();
        folder.File("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.json",
            System.Text.Encoding.UTF8.GetBytes("""{"DiffId":"sha256:diff","UncompressedSize":10,"ContentSize":5,"DpkgStatus":{},"Glibc":null}"""));
        Assert.IsNull(new BaseScanCache(folder.Path).Get(Digest));
    }
}
