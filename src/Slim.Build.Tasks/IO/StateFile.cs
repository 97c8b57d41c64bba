using System.Text;
using System.Text.Json;

namespace Slim.Build.Tasks.IO;

/// <summary>
/// The JSON files one step writes for the next (container.json, app-scan.json, needs.json, image.json): camelCase,
/// indented, '\n' line ends, written atomically and only when the content changed, so a step that reads one stays
/// up to date and an unchanged publish rewrites nothing. Read defensively: a damaged file counts as absent.
/// </summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json).Replace("\r\n", "\n") + "\n";

    /// <returns>True when the file was written.</returns>
    public static bool Save<T>(string path, T value) => AtomicFile.WriteAllTextIfChanged(path, ToJson(value));

    /// <summary>Reads a file an earlier step of this publish wrote; a damaged one names the file (a file error, not a bug in Slim).</summary>
    /// <param name="what">What the file holds, for the message when it holds nothing ("run-time needs").</param>
    public static T Load<T>(string path, string what) where T : class =>
        TryLoad<T>(path) ?? throw new IOException(File.Exists(path)
            ? $"'{path}' is damaged: it holds no {what}. Publish again: the step that writes it writes it anew."
            : $"'{path}' does not exist: the step that writes the {what} did not run.");

    /// <summary>
    /// Null when the file is missing, empty or damaged (a publish killed mid-write by an older Slim, a disk that
    /// filled): the caller treats it as absent and does the work again, so a damaged state file never fails every publish.
    /// </summary>
    public static T? TryLoad<T>(string path) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }
}
