using System.Text.Json;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The OCI image config (application/vnd.oci.image.config.v1+json): platform, created (the epoch), the run
/// settings, rootfs.diff_ids and one history entry per layer, each stamped with the same epoch.
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
        foreach (var layer in layers)
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

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
