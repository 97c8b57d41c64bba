using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class PublishEvidenceTests
{
    [TestMethod]
    public void A_program_that_names_libssl_links_the_openssl_shim()
    {
        using var temp = new TempFolder();
        var shim = NativeFixtures.ExecutableWithText(temp.Path, "libssl.so.3", "web");
        var plain = NativeFixtures.ExecutableWithText(temp.Path, "hello", "console");

        var (openSsl, tls) = PublishEvidence.Find([new ShippedFile("web", shim), new ShippedFile("console", plain)], trimmed: false);

        Assert.AreEqual("web", openSsl.Single().Source);
        Assert.AreEqual(0, tls.Count);
    }

    [TestMethod]
    public void What_the_trimmer_kept_is_evidence_only_in_a_trimmed_publish()
    {
        using var temp = new TempFolder();
        var http = Path.Combine(temp.Path, "System.Net.Http.dll");
        File.WriteAllText(http, "not read");
        ShippedFile[] files = [new("System.Net.Http.dll", http)];

        Assert.AreEqual("kept by the trimmer", PublishEvidence.Find(files, trimmed: true).Tls.Single().Detail);
        Assert.AreEqual(0, PublishEvidence.Find(files, trimmed: false).OpenSsl.Count);
    }
}
