using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>Slim's order of Debian versions held against dpkg --compare-versions on this machine.</summary>
[TestClass]
public sealed class DebianVersionTests
{
    [TestMethod]
    [DataRow("2.36-9+deb12u10", "2.36-9+deb12u9")]
    [DataRow("2.36-9+deb12u4", "2.36-9")]
    [DataRow("1.0~rc1", "1.0")]
    [DataRow("1:1.0", "2.0")]
    [DataRow("2024a-0+deb12u1", "2025b-0+deb12u1")]
    [DataRow("1.0a", "1.0+")]
    [DataRow("1.0", "1.0-0")]
    [DataRow("3.0.16-1~deb12u1", "3.0.15-1~deb12u1")]
    [DataRow("72.1-3", "72.1-3+deb12u1")]
    [DataRow("1.2.13.dfsg-1", "1:1.2.13.dfsg-1")]
    [DataRow("10", "9")]
    [DataRow("1.01", "1.1")]
    public void Orders_as_dpkg_does(string a, string b)
    {
        var expected = DpkgSays(a, "lt", b) ? -1 : DpkgSays(a, "gt", b) ? 1 : 0;

        Assert.AreEqual(expected, Math.Sign(DebianVersion.Compare(a, b)), $"{a} vs {b}");
        Assert.AreEqual(-expected, Math.Sign(DebianVersion.Compare(b, a)), $"{b} vs {a}");
    }

    private static bool DpkgSays(string a, string relation, string b)
    {
        using var process = System.Diagnostics.Process.Start("dpkg", ["--compare-versions", a, relation, b])!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
