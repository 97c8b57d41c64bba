using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The CA certificates SlimCaCertificates adds to Debian's bundle, in a layer of their own above the package base:
/// the base layer stays the same on every machine, and this small layer says what this one trusts besides. It holds
/// the added certificates alone, in a file of their own beside Debian's bundle: the package base has no OpenSSL
/// configuration folder (/usr/lib/ssl), so .NET finds no certificates where OpenSSL's defaults point and reads every
/// file of /etc/ssl/certs instead (dotnet/runtime#52925). Where the app's environment names its own store
/// (SSL_CERT_FILE, SSL_CERT_DIR), .NET reads that and nothing else, so the layer then holds the whole bundle again
/// with the added certificates after Debian's, as that one file would need.
/// </summary>
internal static class TrustLayer
{
    /// <summary>The file of the added certificates, beside Debian's bundle.</summary>
    public const string AddedPath = "etc/ssl/certs/slim-added-cas.pem";

    /// <param name="baseEntries">The package base's entries, holding Debian's bundle when the app needs one.</param>
    /// <param name="appNamesStore">The container's environment sets SSL_CERT_FILE or SSL_CERT_DIR.</param>
    /// <returns>Null when the app needs no CA bundle or nothing is added to it.</returns>
    public static PlannedLayer? Plan(IReadOnlyList<LayerEntry> baseEntries, CaCertificateSetting setting, bool appNamesStore = false)
    {
        if (baseEntries.FirstOrDefault(e => e.Path == PackageSlices.CaBundlePath)?.Content is not { } debian)
            return null;
        var known = Thumbprints(Encoding.UTF8.GetString(debian));
        var added = new StringBuilder();
        var sources = new List<string>();
        foreach (var file in setting.Files())
        {
            foreach (var certificate in Read(file))
            {
                using (certificate)
                {
                    if (!known.Add(certificate.Thumbprint))
                        continue;
                    added.Append(certificate.ExportCertificatePem()).Append('\n');
                    sources.Add(Path.GetFileName(file));
                }
            }
        }
        if (sources.Count == 0)
            return null;
        var trusted = appNamesStore
            ? LayerEntry.FromText(PackageSlices.CaBundlePath, Encoding.UTF8.GetString(debian).TrimEnd('\n') + "\n" + added)
            : LayerEntry.FromText(AddedPath, added.ToString());
        return new PlannedLayer($"trust: {sources.Count} CA certificate(s) beyond Debian's ({string.Join(", ", sources.Distinct())})", [trusted], MachineWide: true);
    }

    /// <summary>The certificates of a PEM file (several may follow each other), else of a DER file; none when it is neither.</summary>
    public static IReadOnlyList<X509Certificate2> Read(string file)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(file);
            if (certificates.Count > 0)
                return [.. certificates];
            return [new X509Certificate2(File.ReadAllBytes(file))];
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// The thumbprints (SHA-1 of the DER bytes, as <see cref="X509Certificate2.Thumbprint"/> gives them) of a bundle's
    /// certificates, without parsing each of Debian's ~140 certificates: that took 30 ms of every publish.
    /// </summary>
    internal static HashSet<string> Thumbprints(string pem)
    {
        var thumbprints = new HashSet<string>(StringComparer.Ordinal);
        for (var rest = pem.AsSpan(); PemEncoding.TryFind(rest, out var fields); rest = rest[fields.Location.End..])
        {
            if (!rest[fields.Label].SequenceEqual("CERTIFICATE"))
                continue;
            var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            thumbprints.Add(Convert.ToHexString(SHA1.HashData(der)));
        }
        return thumbprints;
    }
}
