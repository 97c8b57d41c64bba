using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slim.Build.Tasks.Sbom;

/// <summary>
/// Writes a CycloneDX 1.6 JSON BOM with System.Text.Json. The same request gives the same bytes: components
/// sorted, the timestamp from the request, and the serial number a UUID made from a SHA-256 of the rest of
/// the document.
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
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("components");
            foreach (var component in components)
                Component(json, component);
            json.WriteEndArray();

            json.WriteStartArray("dependencies");
            json.WriteStartObject();
            json.WriteString("ref", AppReference);
            json.WriteStartArray("dependsOn");
            foreach (var component in components)
                json.WriteStringValue(component.Purl);
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var component in components)
            {
                json.WriteStartObject();
                json.WriteString("ref", component.Purl);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n");
    }

    private static void Component(Utf8JsonWriter json, SbomComponent component)
    {
        json.WriteStartObject();
        json.WriteString("type", component.Kind == SbomComponentKind.RuntimePack ? "framework" : "library");
        json.WriteString("bom-ref", component.Purl);
        json.WriteString("name", component.Name);
        json.WriteString("version", component.Version);
        json.WriteString("purl", component.Purl);
        json.WriteStartArray("properties");
        json.WriteStartObject();
        json.WriteString("name", "slim:origin");
        json.WriteString("value", component.Kind switch
        {
            SbomComponentKind.NuGetPackage => "nuget-package",
            SbomComponentKind.RuntimePack => "runtime-pack",
            _ => "base-debian-package",
        });
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
