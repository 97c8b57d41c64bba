using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slim.Build.Tasks.Sbom;

/// <summary>
/// Writes a CycloneDX 1.6 JSON BOM with System.Text.Json. The same request gives the same bytes: components
/// sorted, the timestamp from the request, and the serial number a UUID made from a SHA-256 of the rest of
/// the document. The dependency graph: the app depends on its packages, packs and the operating system, the
/// operating system on its Debian packages; every entry has dependsOn, an empty list for a leaf (validators
/// such as cdxgen's read it unguarded).
/// </summary>
internal static class CycloneDxWriter
{
    public const string SpecVersion = "1.6";
    private const string AppReference = "app";

    public static byte[] Write(SbomRequest request)
    {
        var components = request.Components.DistinctBy(c => c.Purl)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Version, StringComparer.Ordinal).ToList();
        var body = Document(request, components, serialNumber: null);
        return Document(request, components, SerialNumber(body));
    }

    /// <summary>"urn:uuid:…" from the document's own bytes: a version-5-shaped UUID, as the schema's pattern asks.</summary>
    private static string SerialNumber(byte[] body)
    {
        var hash = SHA256.HashData(body).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(hash).ToLowerInvariant();
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static byte[] Document(SbomRequest request, IReadOnlyList<SbomComponent> components, string? serialNumber)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", SpecVersion);
            if (serialNumber is not null)
                json.WriteString("serialNumber", serialNumber);
            json.WriteNumber("version", 1);

            json.WriteStartObject("metadata");
            json.WriteString("timestamp", request.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteStartObject("tools");
            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("type", "application");
            json.WriteString("name", "Slim");
            json.WriteString("version", request.ToolVersion);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("component");
            json.WriteString("type", "application");
            json.WriteString("bom-ref", AppReference);
            json.WriteString("name", request.AppName);
            json.WriteString("version", request.AppVersion);
            json.WriteString("purl", request.AppPurl ?? PackageUrl.Generic(request.AppName, request.AppVersion));
            json.WriteEndObject();
            json.WriteEndObject();

            var system = request.OperatingSystem;
            var systemReference = system is null ? null : $"os:{system.Distro}";
            json.WriteStartArray("components");
            if (system is not null)
                OperatingSystemComponent(json, system, systemReference!);
            foreach (var component in components)
                Component(json, component);
            json.WriteEndArray();

            var debian = components.Where(c => c.Kind == SbomComponentKind.DebianPackage).Select(c => c.Purl).ToList();
            var direct = components.Where(c => system is null || c.Kind != SbomComponentKind.DebianPackage).Select(c => c.Purl);
            json.WriteStartArray("dependencies");
            Dependency(json, AppReference, systemReference is null ? direct : [systemReference, .. direct]);
            if (systemReference is not null)
                Dependency(json, systemReference, debian);
            foreach (var component in components)
                Dependency(json, component.Purl, []);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n");
    }

    private static void Dependency(Utf8JsonWriter json, string reference, IEnumerable<string> dependsOn)
    {
        json.WriteStartObject();
        json.WriteString("ref", reference);
        json.WriteStartArray("dependsOn");
        foreach (var target in dependsOn)
            json.WriteStringValue(target);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The image's operating system: with it, SBOM-reading scanners (trivy's sbom mode) keep the Debian packages.</summary>
    private static void OperatingSystemComponent(Utf8JsonWriter json, OsRelease system, string reference)
    {
        json.WriteStartObject();
        json.WriteString("type", "operating-system");
        json.WriteString("bom-ref", reference);
        json.WriteString("name", system.Id);
        if (!string.IsNullOrEmpty(system.VersionId))
            json.WriteString("version", system.VersionId);
        if (!string.IsNullOrEmpty(system.PrettyName))
            json.WriteString("description", system.PrettyName);
        json.WriteEndObject();
    }

    private static void Component(Utf8JsonWriter json, SbomComponent component)
    {
        json.WriteStartObject();
        json.WriteString("type", component.Kind == SbomComponentKind.RuntimePack ? "framework" : "library");
        json.WriteString("bom-ref", component.Purl);
        json.WriteString("name", component.Name);
        json.WriteString("version", component.Version);
        if (component.NotShippedBecause is not null)
            json.WriteString("scope", "excluded");
        if (component.Sha512 is not null)
        {
            json.WriteStartArray("hashes");
            json.WriteStartObject();
            json.WriteString("alg", "SHA-512");
            json.WriteString("content", component.Sha512);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        Licenses(json, component);
        json.WriteString("purl", component.Purl);
        json.WriteStartArray("properties");
        Property(json, "slim:origin", component.Kind switch
        {
            SbomComponentKind.NuGetPackage => "nuget-package",
            SbomComponentKind.RuntimePack => "runtime-pack",
            _ => "base-debian-package",
        });
        if (component.NotShippedBecause is not null)
            Property(json, "slim:not-shipped", component.NotShippedBecause);
        // trivy matches Debian advisories by source package but reads no purl upstream qualifier, only its own properties.
        if (component.Kind == SbomComponentKind.DebianPackage && component.Source is not null)
        {
            Property(json, "aquasecurity:trivy:SrcName", component.Source);
            Property(json, "aquasecurity:trivy:SrcVersion", component.SourceVersion ?? component.Version);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An SPDX expression alone (the schema allows no other entry beside it), else the license's URL or file.</summary>
    private static void Licenses(Utf8JsonWriter json, SbomComponent component)
    {
        if (component.LicenseExpression is null && component.LicenseUrl is null && component.LicenseFile is null)
            return;
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        if (component.LicenseExpression is not null)
            json.WriteString("expression", component.LicenseExpression);
        else
        {
            json.WriteStartObject("license");
            if (component.LicenseUrl is not null)
            {
                json.WriteString("name", component.LicenseUrl);
                json.WriteString("url", component.LicenseUrl);
            }
            else
                json.WriteString("name", $"{component.LicenseFile} (in the package)");
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void Property(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
