using System.Text.RegularExpressions;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Checks;

/// <summary>When needs.json says the app uses TLS or cryptography: libssl, libcrypto and a CA bundle are in the image.</summary>
internal sealed partial class TlsNeedCheck : IImageCheck
{
    // Where .NET (System.Security.Cryptography.Native.OpenSsl) and OpenSSL look for the bundle on Debian, Alpine and RHEL.
    private static readonly string[] CaBundles =
        ["/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/cert.pem", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/pki/tls/cert.pem"];

    public string Name => "tls";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckTlsNeedUnmet;

    [GeneratedRegex(@"^libssl\.so\.\d+(\.\d+)*$")] private static partial Regex Ssl();
    [GeneratedRegex(@"^libcrypto\.so\.\d+(\.\d+)*$")] private static partial Regex Crypto();

    public CheckFinding Run(ImageCheckContext context)
    {
        var needsSsl = context.Needs?.Requires(NeedKind.Openssl) == true;
        var needsCa = context.Needs?.Requires(NeedKind.CaCertificates) == true;
        if (!needsSsl && !needsCa)
            return CheckFinding.Pass("needs.json lists no TLS or cryptography need.");
        var evidence = new List<string>();
        var missing = new List<string>();
        if (needsSsl)
        {
            var ssl = ImageLibraries.Matching(context.Image, Ssl());
            var crypto = ImageLibraries.Matching(context.Image, Crypto());
            evidence.AddRange(ssl.Concat(crypto));
            if (ssl.Count == 0) missing.Add("libssl.so.*");
            if (crypto.Count == 0) missing.Add("libcrypto.so.*");
        }
        if (needsCa)
        {
            var bundle = CaBundles.FirstOrDefault(b => context.Image.Resolve(b) is { Kind: ImageEntryKind.File, Size: > 0 });
            if (bundle is null) missing.Add("a CA bundle (" + CaBundles[0] + ")");
            else evidence.Add(bundle);
        }
        var why = string.Join("; ", (context.Needs?.Needs ?? []).Where(n => n.Needed && n.Kind is NeedKind.Openssl or NeedKind.CaCertificates).Select(n => n.Reason));
        evidence.Add("needs.json: " + why);
        return missing.Count == 0
            ? CheckFinding.Pass("libssl, libcrypto and the CA bundle the app needs are in the image.", evidence)
            : CheckFinding.Fail($"The app needs TLS but the image lacks {string.Join(", ", missing)}.", evidence, string.Join(", ", missing), why, context.BaseImage);
    }
}
