using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Self-signed CA certificates made on the spot, for the trust settings' tests.</summary>
internal static class TestCertificates
{
    public static string Pem(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n";
    }
}
