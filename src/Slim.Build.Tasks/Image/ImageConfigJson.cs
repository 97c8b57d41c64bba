using System.Text.Json;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The OCI image config (application/vnd.oci.image.config.v1+json): platform, created (the epoch), the run
/// settings, rootfs.diff_ids and one history entry per layer Slim made, each stamped with the same epoch,
/// after an external base's history as the base has it.
/// Empty lists and unset values are left out rather than written empty.
/// </summary>
internal static class ImageConfigJson
{
    public const string MediaType = "application/vnd.oci.image.config.v1+json";

    public static byte[] Write(ImageConfig config, IReadOnlyList<ImageLayer> layers, ImageEpoch epoch) => CanonicalJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("created", epoch.Rfc3339);
        json.WriteString("architecture", config.Platform.Architecture);
        if (config.Platform.Variant is { } variant)
            json.WriteString("variant", variant);
        json.WriteString("os", config.Platform.Os);
        WriteRunSettings(json, config);
        json.WriteStartObject("rootfs");
        json.WriteString("type", "layers");
        WriteStrings(json, "diff_ids", layers.Select(l => l.Blob.DiffId).ToList());
        json.WriteEndObject();
        json.WriteStartArray("history");
        foreach (var entry in config.BaseHistory ?? [])
            WriteHistory(json, entry);
        foreach (var layer in layers.Where(l => !l.FromBase))
        {
            json.WriteStartObject();
            json.WriteString("created", epoch.Rfc3339);
            json.WriteString("created_by", layer.CreatedBy);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteRunSettings(Utf8JsonWriter json, ImageConfig config)
    {
        json.WriteStartObject("config");
        if (!string.IsNullOrEmpty(config.User))
            json.WriteString("User", config.User);
        if (config.Ports is { Count: > 0 } ports)
        {
            json.WriteStartObject("ExposedPorts");
            foreach (var port in ports.Select(p => $"{p.Number}/{p.Type.ToLowerInvariant()}").Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStartObject(port);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (config.Environment is { Count: > 0 } environment)
            WriteStrings(json, "Env", environment.Select(e => $"{e.Name}={e.Value}").ToList());
        if (config.Entrypoint.Count > 0)
            WriteStrings(json, "Entrypoint", config.Entrypoint);
        if (config.Cmd is { Count: > 0 } cmd)
            WriteStrings(json, "Cmd", cmd);
        if (!string.IsNullOrEmpty(config.WorkingDirectory))
            json.WriteString("WorkingDir", config.WorkingDirectory);
        if (config.Labels is { Count: > 0 } labels)
            CanonicalJson.WriteMap(json, "Labels", labels.Select(l => KeyValuePair.Create(l.Name, l.Value)));
        json.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter json, Base.HistoryEntry entry)
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
