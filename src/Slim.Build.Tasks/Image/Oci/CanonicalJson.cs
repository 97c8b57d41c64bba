using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slim.Build.Tasks.Image.Oci;

/// <summary>
/// The one way Slim writes the image's JSON documents: compact, UTF-8 without BOM, properties in the order
/// the writer emits them, maps sorted by key (ordinal), and '+' or '&lt;' left as they are, so a document's
/// bytes (and its digest) depend only on its content.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
            write(writer);
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="name"/>: {key: value, ...} sorted by key; a later duplicate key wins.</summary>
    public static void WriteMap(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
            sorted[key] = value;
        writer.WriteStartObject(name);
        foreach (var (key, value) in sorted)
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }
}
