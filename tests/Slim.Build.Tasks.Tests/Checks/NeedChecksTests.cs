using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>Each need of needs.json is met, or not, by this machine's real OpenSSL, CA bundle, ICU and tzdata files in the image.</summary>
[TestClass]
public sealed class NeedChecksTests
{
    private const string Lib = "usr/lib/x86_64-linux-gnu/";

    [TestMethod]
    public void Tls_needs_libssl_libcrypto_and_the_ca_bundle()
    {
        using var temp = new TempFolder();
        var needs = CheckImage.Needs(NeedKind.Openssl, NeedKind.CaCertificates);
        var met = CheckImage.Write(temp,
        [
            LayerEntry.FromFile(Lib + "libssl.so.3", "/" + Lib + "libssl.so.3", executable: false),
            LayerEntry.FromFile(Lib + "libcrypto.so.3", "/" + Lib + "libcrypto.so.3", executable: false),
            LayerEntry.FromFile("etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt", executable: false),
        ]);
        Assert.IsNull(CheckImage.Run(new TlsNeedCheck(), met, needs).Problem);

        using var temp2 = new TempFolder();
        var unmet = CheckImage.Write(temp2, [LayerEntry.FromFile(Lib + "libcrypto.so.3", "/" + Lib + "libcrypto.so.3", executable: false)]);
        var finding = CheckImage.Run(new TlsNeedCheck(), unmet, needs);
        Assert.IsNotNull(finding.Problem);
        StringAssert.Contains((string)finding.Problem[0], "libssl.so.*");
        StringAssert.Contains((string)finding.Problem[0], "CA bundle");
        Assert.IsNull(CheckImage.Run(new TlsNeedCheck(), unmet, CheckImage.Needs()).Problem, "no TLS need, nothing to meet");
    }

    [TestMethod]
    public void Icu_is_needed_unless_invariant()
    {
        using var temp = new TempFolder();
        var withIcu = CheckImage.Write(temp,
        [
            LayerEntry.FromFile(Lib + "libicuuc.so.72.1", "/" + Lib + "libicuuc.so.72.1", executable: false),
            LayerEntry.Link(Lib + "libicuuc.so.72", "libicuuc.so.72.1"),
        ]);
        Assert.IsNull(CheckImage.Run(new IcuNeedCheck(), withIcu, CheckImage.Needs(NeedKind.Icu)).Problem);

        using var temp2 = new TempFolder();
        var without = CheckImage.Write(temp2, CheckImage.Healthy());
        Assert.IsNotNull(CheckImage.Run(new IcuNeedCheck(), without, CheckImage.Needs(NeedKind.Icu)).Problem);
        Assert.IsNull(CheckImage.Run(new IcuNeedCheck(), without, CheckImage.Needs()).Problem, "invariant: no ICU needed");
    }

    [TestMethod]
    public void Tzdata_is_needed_when_zones_are_looked_up()
    {
        using var temp = new TempFolder();
        var withZones = CheckImage.Write(temp, [LayerEntry.FromFile("usr/share/zoneinfo/Asia/Tokyo", "/usr/share/zoneinfo/Asia/Tokyo", executable: false)]);
        Assert.IsNull(CheckImage.Run(new TzdataNeedCheck(), withZones, CheckImage.Needs(NeedKind.Tzdata)).Problem);

        using var temp2 = new TempFolder();
        var without = CheckImage.Write(temp2, CheckImage.Healthy());
        Assert.IsNotNull(CheckImage.Run(new TzdataNeedCheck(), without, CheckImage.Needs(NeedKind.Tzdata)).Problem);
    }
}
