using System.Text.Json;

namespace Slim.Build.Tasks.Image.Oci;

/// <summary>
/// Reads the OCI documents (and docker's v2 manifest and list, which have the same shape) into the model, with
/// one strictness for every caller: what the spec requires (a descriptor's digest and size, a manifest's config
/// and layers, an index's manifests, a config's rootfs.diff_ids) must be there, or the document is refused with
/// a <see cref="FormatException"/> that says what is missing; an optional field of the wrong type is ignored.
/// </summary>
internal static class OciJsonReader
{
    /// <exception cref="FormatException">Not an index.</exception>
    public static ImageIndex ReadIndex(byte[] json) => Read(json, "the index", root =>
        new ImageIndex(Array(root, "manifests", "the index has no manifests").Select(ReadDescriptor).ToList(), Text(root, "mediaType") ?? MediaTypes.OciIndex));

    /// <exception cref="FormatException">Not an image manifest.</exception>
    public static Manifest ReadManifest(byte[] json) => Read(json, "the manifest", root =>
    {
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? ReadDescriptor(c) : throw new FormatException("the manifest has no config");
        var layers = Array(root, "layers", "the manifest has no layers").Select(ReadDescriptor).ToList();
        return new Manifest(Text(root, "mediaType") ?? MediaTypes.OciManifest, config, layers, Map(root, "annotations"));
    });

    /// <exception cref="FormatException">A config without rootfs.diff_ids.</exception>
    public static OciConfig ReadConfig(byte[] json) => Read(json, "the config", root =>
    {
        var platform = new ImagePlatform(Text(root, "architecture") ?? "", Text(root, "os") ?? "", Text(root, "variant"));
        var run = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var history = root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new HistoryEntry(
                Text(e, "created"), Text(e, "created_by"), Text(e, "author"), Text(e, "comment"),
                e.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True)).ToList()
            : [];
        var rootfs = root.TryGetProperty("rootfs", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var diffIds = Array(rootfs, "diff_ids", "its config has no rootfs.diff_ids")
            .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new FormatException("its config's rootfs.diff_ids holds a value that is not a digest"))
            .ToList();
        var ports = run.ValueKind == JsonValueKind.Object && run.TryGetProperty("ExposedPorts", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(e => e.Name).ToList() : [];
        var config = new RunConfig(NonEmpty(run, "User"), ports, Strings(run, "Env"), Strings(run, "Entrypoint"), Strings(run, "Cmd"),
            NonEmpty(run, "WorkingDir"), Map(run, "Labels") ?? []);
        return new OciConfig(Text(root, "created"), platform, config, diffIds, history);
    });

    /// <summary>The document's own mediaType; without one, an index when it lists manifests, else a manifest.</summary>
    /// <exception cref="FormatException">Not a JSON object.</exception>
    public static string MediaTypeOf(byte[] json) => Read(json, "the document", root =>
        Text(root, "mediaType") is { Length: > 0 } type ? type : root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest);

    /// <exception cref="FormatException">A descriptor without a digest or size.</exception>
    private static Descriptor ReadDescriptor(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException("a descriptor is not a JSON object");
        var digest = Text(element, "digest") ?? throw new FormatException("a descriptor has no digest");
        var size = element.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : throw new FormatException($"descriptor {digest} has no size");
        ImagePlatform? platform = element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object
            ? new ImagePlatform(Text(p, "architecture") ?? "", Text(p, "os") ?? "", Text(p, "variant"))
            : null;
        return new Descriptor(Text(element, "mediaType") ?? "", digest, size, platform, Map(element, "annotations"));
    }

    private static T Read<T>(byte[] json, string what, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException(what + " is not a JSON object");
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            throw new FormatException(what + " is not a JSON object");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name, string missing) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : throw new FormatException(missing);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(JsonElement element, string name) => Text(element, name) is { Length: > 0 } text ? text : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>An object's string-valued members, in document order; null when there is no such object.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>>? Map(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object
            ? [.. map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))]
            : null;
}
