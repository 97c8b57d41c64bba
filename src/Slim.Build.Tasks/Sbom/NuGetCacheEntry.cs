using System.Xml;
using System.Xml.Linq;

namespace Slim.Build.Tasks.Sbom;

/// <summary>
/// What the NuGet cache keeps beside a package's files, read offline: the license its .nuspec declares and the
/// .nupkg's SHA-512 (the .nupkg.sha512 file restore wrote). A file that is missing or unreadable leaves its part out.
/// </summary>
internal sealed record NuGetCacheEntry(string? LicenseExpression, string? LicenseUrl, string? LicenseFile, string? Sha512)
{
    public static readonly NuGetCacheEntry None = new(null, null, null, null);

    /// <summary>The licenseUrl NuGet writes into a package whose license is an expression or a file: it names no license.</summary>
    private const string PlaceholderLicenseUrl = "https://aka.ms/deprecateLicenseUrl";

    /// <param name="directory">The package's folder in a package folder (~/.nuget/packages/humanizer.core/2.14.1); null: not found.</param>
    public static NuGetCacheEntry Read(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            return None;
        var (expression, url, file) = License(Directory.EnumerateFiles(directory, "*.nuspec").Order(StringComparer.Ordinal).FirstOrDefault());
        return new NuGetCacheEntry(expression, url, file, HexSha512(Directory.EnumerateFiles(directory, "*.nupkg.sha512").Order(StringComparer.Ordinal).FirstOrDefault()));
    }

    private static (string? Expression, string? Url, string? File) License(string? nuspec)
    {
        if (nuspec is null)
            return (null, null, null);
        try
        {
            var metadata = XDocument.Load(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
            var type = (string?)license?.Attribute("type");
            var text = license?.Value.Trim();
            var url = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim();
            var expression = type == "expression" && !string.IsNullOrEmpty(text) ? text : null;
            var file = type == "file" && !string.IsNullOrEmpty(text) ? text : null;
            var usableUrl = expression is null && Uri.TryCreate(url, UriKind.Absolute, out _) && url != PlaceholderLicenseUrl ? url : null;
            return (expression, usableUrl, expression is null ? file : null);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return (null, null, null);
        }
    }

    /// <summary>The file holds the base64 SHA-512 of the .nupkg; CycloneDX wants it in hex.</summary>
    private static string? HexSha512(string? file)
    {
        if (file is null)
            return null;
        try
        {
            var hash = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return hash.Length == 64 ? Convert.ToHexString(hash).ToLowerInvariant() : null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
