using System.Text.Json;

namespace Slim.Build.Tasks.Image.Oci;

/// <summary>
/// Writes the OCI documents (manifest, index, config) as <see cref="CanonicalJson"/>: the properties in the
/// order below, empty lists and unset values left out, maps sorted by key. The same model gives the same bytes.
/// </summary>
internal static class OciJsonWriter
{
    public static byte[] Write(Manifest manifest) => CanonicalJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 2);
        json.WriteString("mediaType", manifest.MediaType);
        WriteDescriptor(json, "config", manifest.Config);
        json.WriteStartArray("layers");
        foreach (var layer in manifest.Layers)
            WriteDescriptor(json, null, layer);
        json.WriteEndArray();
        if (manifest.Annotations is { } annotations)
            CanonicalJson.WriteMap(json, "annotations", annotations);
        json.WriteEndObject();
    });

    public static byte[] Write(ImageIndex index) => CanonicalJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 2);
        json.WriteString("mediaType", index.MediaType);
        json.WriteStartArray("manifests");
        foreach (var manifest in index.Manifests)
            WriteDescriptor(json, null, manifest);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static byte[] Write(OciConfig config) => CanonicalJson.Write(json =>
    {
        json.WriteStartObject();
        if (config.Created is { } created)
            json.WriteString("created", created);
        json.WriteString("architecture", config.Platform.Architecture);
        if (config.Platform.Variant is { } variant)
            json.WriteString("variant", variant);
        json.WriteString("os", config.Platform.Os);
        WriteRunConfig(json, config.Config);
        json.WriteStartObject("rootfs");
        json.WriteString("type", "layers");
        WriteStrings(json, "diff_ids", config.DiffIds);
        json.WriteEndObject();
        json.WriteStartArray("history");
        foreach (var entry in config.History)
            WriteHistory(json, entry);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>{"mediaType", "digest", "size", "platform"?, "annotations"?}, as a property named <paramref name="name"/> or, when null, an array element.</summary>
    private static void WriteDescriptor(Utf8JsonWriter json, string? name, Descriptor descriptor)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteString("digest", descriptor.Digest);
        json.WriteNumber("size", descriptor.Size);
        if (descriptor.Platform is { } platform)
        {
            json.WriteStartObject("platform");
            json.WriteString("architecture", platform.Architecture);
            json.WriteString("os", platform.Os);
            if (platform.Variant is { } variant)
                json.WriteString("variant", variant);
            json.WriteEndObject();
        }
        if (descriptor.Annotations is { } annotations)
            CanonicalJson.WriteMap(json, "annotations", annotations);
        json.WriteEndObject();
    }

    private static void WriteRunConfig(Utf8JsonWriter json, RunConfig config)
    {
        json.WriteStartObject("config");
        if (!string.IsNullOrEmpty(config.User))
            json.WriteString("User", config.User);
        if (config.ExposedPorts is { Count: > 0 } ports)
        {
            json.WriteStartObject("ExposedPorts");
            foreach (var port in ports.Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStartObject(port);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (config.Env is { Count: > 0 } environment)
            WriteStrings(json, "Env", environment);
        if (config.Entrypoint is { Count: > 0 } entrypoint)
            WriteStrings(json, "Entrypoint", entrypoint);
        if (config.Cmd is { Count: > 0 } cmd)
            WriteStrings(json, "Cmd", cmd);
        if (!string.IsNullOrEmpty(config.WorkingDir))
            json.WriteString("WorkingDir", config.WorkingDir);
        if (config.Labels is { Count: > 0 } labels)
            CanonicalJson.WriteMap(json, "Labels", labels);
        json.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter json, HistoryEntry entry)
    {
        json.WriteStartObject();
        if (entry.Created is { } created)
            json.WriteString("created", created);
        if (entry.CreatedBy is { } createdBy)
            json.WriteString("created_by", createdBy);
        if (entry.Author is { } author)
            json.WriteString("author", author);
        if (entry.Comment is { } comment)
            json.WriteString("comment", comment);
        if (entry.EmptyLayer)
            json.WriteBoolean("empty_layer", true);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
