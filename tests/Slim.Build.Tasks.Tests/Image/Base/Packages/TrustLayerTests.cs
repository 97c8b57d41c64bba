using System.Security.Cryptography.X509Certificates;
using System.Text;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>SlimCaCertificates on the package base: the added CAs in a layer of their own, in a file beside Debian's bundle.</summary>
[TestClass]
public sealed class TrustLayerTests
{
    private static readonly string DebianRoot = TestCertificates.Pem("CN=Debian Listed Root");
    private static readonly IReadOnlyList<LayerEntry> BaseWithBundle = [LayerEntry.FromText(PackageSlices.CaBundlePath, DebianRoot)];

    [TestMethod]
    public void Added_certificates_sit_once_each_in_a_file_beside_debians_bundle_in_a_layer_that_names_them()
    {
        using var temp = new TempFolder();
        var corporate = TestCertificates.Pem("CN=Corp Proxy Root");
        var file = temp.File("corp.crt", Encoding.UTF8.GetBytes(corporate + DebianRoot));
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "more")).FullName;
        File.WriteAllText(Path.Combine(folder, "again.pem"), corporate);

        var layer = TrustLayer.Plan(BaseWithBundle, new CaCertificateSetting(false, [file, folder]));

        Assert.IsNotNull(layer);
        Assert.AreEqual("trust: 1 CA certificate(s) beyond Debian's (corp.crt)", layer.Holds);
        var added = layer.Entries.Single();
        Assert.AreEqual("etc/ssl/certs/slim-added-cas.pem", added.Path, "beside Debian's bundle, in the folder .NET reads every file of");
        CollectionAssert.AreEqual(new[] { "CN=Corp Proxy Root" }, Subjects(added));
    }

    /// <summary>SSL_CERT_FILE or SSL_CERT_DIR in the app's environment: .NET reads that store alone, so the layer gives the one file it would read.</summary>
    [TestMethod]
    public void When_the_app_names_its_store_the_layer_holds_debians_bundle_again_with_the_added_certificates_after_it()
    {
        using var temp = new TempFolder();
        var file = temp.File("corp.crt", Encoding.UTF8.GetBytes(TestCertificates.Pem("CN=Corp Proxy Root")));

        var layer = TrustLayer.Plan(BaseWithBundle, new CaCertificateSetting(false, [file]), appNamesStore: true);

        var bundle = layer!.Entries.Single();
        Assert.AreEqual(PackageSlices.CaBundlePath, bundle.Path);
        CollectionAssert.AreEqual(new[] { "CN=Debian Listed Root", "CN=Corp Proxy Root" }, Subjects(bundle));
    }

    private static string[] Subjects(LayerEntry entry)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(Encoding.UTF8.GetString(entry.Content!));
        return [.. certificates.Select(c => c.Subject)];
    }

    [TestMethod]
    public void No_layer_when_the_app_needs_no_bundle_or_nothing_is_added()
    {
        using var temp = new TempFolder();
        var known = temp.File("known.crt", Encoding.UTF8.GetBytes(DebianRoot));
        var extra = temp.File("extra.crt", Encoding.UTF8.GetBytes(TestCertificates.Pem("CN=Extra")));

        Assert.IsNull(TrustLayer.Plan([], new CaCertificateSetting(false, [extra])), "no CA bundle need: nothing to add to");
        Assert.IsNull(TrustLayer.Plan(BaseWithBundle, new CaCertificateSetting(false, [known])), "Debian's bundle has it already");
        Assert.IsNull(TrustLayer.Plan(BaseWithBundle, new CaCertificateSetting(false, [])));
    }

    [TestMethod]
    public void A_der_certificate_is_read_and_a_file_without_one_gives_none()
    {
        using var temp = new TempFolder();
        var pem = TestCertificates.Pem("CN=Der Root");
        var der = temp.File("root.cer", Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))));
        var text = temp.File("notes.txt", "not a certificate"u8.ToArray());

        Assert.AreEqual("CN=Der Root", TrustLayer.Read(der).Single().Subject);
        Assert.AreEqual(0, TrustLayer.Read(text).Count);
    }

    [TestMethod]
    public void A_bundle_s_thumbprints_are_the_ones_its_parsed_certificates_give()
    {
        var bundle = File.ReadAllText("/etc/ssl/certs/ca-certificates.crt");
        var parsed = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        parsed.ImportFromPem(bundle);

        var thumbprints = TrustLayer.Thumbprints(bundle + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        Assert.IsTrue(parsed.Count > 50, $"{parsed.Count} certificates in this machine's bundle");
        CollectionAssert.AreEquivalent(parsed.Select(c => c.Thumbprint).Distinct().ToList(), thumbprints.ToList());
    }
}
