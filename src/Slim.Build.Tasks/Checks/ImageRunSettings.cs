using System.Text.Json;

namespace Slim.Build.Tasks.Checks;

/// <summary>How the image runs, from its config's "config" object: what the checks hold the filesystem against.</summary>
/// <param name="User">"1654", "app", "1654:1654" or empty (root).</param>
internal sealed record ImageRunSettings(
    string User,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    string WorkingDirectory,
    IReadOnlyList<string> Environment,
    IReadOnlyList<int> Ports)
{
    /// <summary>The program the container starts: the entrypoint's first word, or the command's when there is no entrypoint.</summary>
    public string? Program => Entrypoint.Count > 0 ? Entrypoint[0] : Cmd.Count > 0 ? Cmd[0] : null;

    public static ImageRunSettings Parse(byte[] configJson)
    {
        using var doc = JsonDocument.Parse(configJson);
        var config = doc.RootElement.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string Text(string name) => config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        IReadOnlyList<string> List(string name) => config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
        IReadOnlyList<int> ports = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("ExposedPorts", out var p) && p.ValueKind == JsonValueKind.Object
            ? [.. p.EnumerateObject().Select(e => int.TryParse(e.Name.Split('/')[0], out var n) ? n : 0).Where(n => n > 0)] : [];
        return new ImageRunSettings(Text("User"), List("Entrypoint"), List("Cmd"), Text("WorkingDir"), List("Env"), ports);
    }
}
