using System.Text.Json;
using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>Reads what Slim keeps of a base's OCI (or Docker) image config: platform, run settings, diff_ids, history.</summary>
internal static class BaseConfigJson
{
    public sealed record Parsed(ImagePlatform Platform, BaseConfig Config, IReadOnlyList<string> DiffIds);

    /// <exception cref="FormatException">A config without rootfs.diff_ids.</exception>
    public static Parsed Parse(JsonElement root)
    {
        var platform = new ImagePlatform(OciDescriptor.Text(root, "architecture") ?? "", OciDescriptor.Text(root, "os") ?? "", OciDescriptor.Text(root, "variant"));
        var run = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var environment = Strings(run, "Env").Select(e => e.Split('=', 2)).Select(p => new NameValue(p[0], p.Length > 1 ? p[1] : "")).ToList();
        var labels = new List<NameValue>();
        if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object)
            labels.AddRange(l.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => new NameValue(p.Name, p.Value.GetString()!)));
        var history = new List<HistoryEntry>();
        if (root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array)
            history.AddRange(h.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new HistoryEntry(
                OciDescriptor.Text(e, "created"), OciDescriptor.Text(e, "created_by"), OciDescriptor.Text(e, "author"), OciDescriptor.Text(e, "comment"),
                e.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True)));
        if (!root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object
            || !rootfs.TryGetProperty("diff_ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            throw new FormatException("its config has no rootfs.diff_ids");
        var config = new BaseConfig(environment, Text(run, "User"), Text(run, "WorkingDir"), Strings(run, "Entrypoint"), Strings(run, "Cmd"), labels, history);
        return new Parsed(platform, config, [.. ids.EnumerateArray().Select(i => i.GetString() ?? "")]);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && OciDescriptor.Text(element, name) is { Length: > 0 } text ? text : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
