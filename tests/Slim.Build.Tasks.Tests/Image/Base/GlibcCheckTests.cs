using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class GlibcCheckTests
{
    // /usr/bin/true of Debian 12 asks for GLIBC_2.34 at most (readelf -V).
    private static readonly ElfFile True = ElfFile.TryRead("/usr/bin/true")!;

    [TestMethod]
    public void A_file_that_needs_a_newer_glibc_than_the_base_is_an_error_naming_both_versions()
    {
        var newest = True.GlibcVersions[^1];
        var diagnostics = new RecordingDiagnostics();

        Assert.IsFalse(GlibcCheck.Check([("true", True)], new Version(2, 28), "debian:10", diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseGlibcTooOld, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { "true", newest, "debian:10", "2.28" }, error.Args);
        Assert.AreEqual(HostMachine.Run("sh", "-c", "readelf -V /usr/bin/true | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1"), newest);
    }

    [TestMethod]
    public void The_build_machines_own_glibc_is_new_enough_for_its_programs()
    {
        var diagnostics = new RecordingDiagnostics();
        var libc = GlibcVersion.FromPackageVersion(HostMachine.DpkgVersion("libc6"))!;

        Assert.IsTrue(GlibcCheck.Check([("true", True)], libc, "auto", diagnostics));
        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual(0, GlibcCheck.Find([("true", True)], GlibcVersion.FromSymbolVersion(True.GlibcVersions[^1])!).Count, "equal is enough");
    }

    [TestMethod]
    [DataRow("GLIBC_2.2.5", "2.2.5")]
    [DataRow("GLIBC_2.34", "2.34")]
    [DataRow("GLIBC_PRIVATE", null)]
    public void Symbol_versions(string symbol, string? version) =>
        Assert.AreEqual(version is null ? null : Version.Parse(version), GlibcVersion.FromSymbolVersion(symbol));

    [TestMethod]
    [DataRow("2.36-9+deb12u14", "2.36")]
    [DataRow("2.39-0ubuntu8.4", "2.39")]
    [DataRow("2.28-10+deb10u1", "2.28")]
    public void Package_versions(string package, string version) =>
        Assert.AreEqual(Version.Parse(version), GlibcVersion.FromPackageVersion(package));
}
