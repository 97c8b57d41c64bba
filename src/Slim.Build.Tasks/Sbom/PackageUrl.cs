using System.Text;

namespace Slim.Build.Tasks.Sbom;

/// <summary>Package URLs (github.com/package-url/purl-spec) for the two ecosystems an image holds, and the app itself.</summary>
internal static class PackageUrl
{
    /// <summary>"pkg:nuget/Newtonsoft.Json@13.0.3".</summary>
    public static string NuGet(string id, string version) => $"pkg:nuget/{Encode(id)}@{Encode(version)}";

    /// <summary>
    /// "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&amp;distro=debian-12&amp;upstream=glibc", as trivy and the Debian
    /// scanners match it. upstream names the source package, which Debian's advisories are filed against, with its
    /// version ("upstream=gcc-12%4012.2.0-14") when that differs from the binary's; qualifiers in key order, as the spec asks.
    /// </summary>
    /// <param name="source">dpkg's Source: field without its version; null when the source has the package's own name.</param>
    public static string Debian(string name, string version, string architecture, string? distro, string? source = null, string? sourceVersion = null)
    {
        var url = new StringBuilder($"pkg:deb/debian/{Encode(name)}@{Encode(version)}");
        var qualifiers = new List<string>();
        if (!string.IsNullOrEmpty(architecture))
            qualifiers.Add("arch=" + Encode(architecture));
        if (!string.IsNullOrEmpty(distro))
            qualifiers.Add("distro=" + Encode(distro));
        if (!string.IsNullOrEmpty(source) && (source != name || !string.IsNullOrEmpty(sourceVersion)))
            qualifiers.Add("upstream=" + Encode(string.IsNullOrEmpty(sourceVersion) || sourceVersion == version ? source : $"{source}@{sourceVersion}"));
        if (qualifiers.Count > 0)
            url.Append('?').Append(string.Join("&", qualifiers));
        return url.ToString();
    }

    /// <summary>"pkg:generic/WebApp@1.0.0": an app that is no NuGet package.</summary>
    public static string Generic(string name, string version) => $"pkg:generic/{Encode(name)}@{Encode(version)}";

    /// <summary>Percent-encodes all but letters, digits and '.', '-', '_', '~' (so a Debian epoch's ':' and '+' are encoded).</summary>
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~')
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }
}
