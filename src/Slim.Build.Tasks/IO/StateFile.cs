using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Slim.Build.Tasks.IO;

/// <summary>
/// The JSON files one step writes for the next (container.json, app-scan.json, needs.json, image.json): camelCase,
/// indented, '\n' line ends, written atomically and only when the content changed, so a step that reads one stays
/// up to date and an unchanged publish rewrites nothing. Read defensively: a damaged file counts as absent.
/// </summary>
/// <remarks>
/// Each type comes with its source-generated metadata (a <c>JsonSerializerContext</c> of its folder declared with
/// <c>[JsonSourceGenerationOptions]</c> WriteIndented and CamelCase), so no reflection or emitted
/// code runs in MSBuild's process and the pack's ReadyToRun step compiles it (issue 29).
/// </remarks>
internal static class StateFile
{
    public static string ToJson<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, Checked(type)).Replace("\r\n", "\n") + "\n";

    /// <returns>True when the file was written.</returns>
    public static bool Save<T>(string path, T value, JsonTypeInfo<T> type) => AtomicFile.WriteAllTextIfChanged(path, ToJson(value, type));

    /// <summary>Reads a file an earlier step of this publish wrote; a damaged one names the file (a file error, not a bug in Slim).</summary>
    /// <param name="what">What the file holds, for the message when it holds nothing ("run-time needs").</param>
    public static T Load<T>(string path, string what, JsonTypeInfo<T> type) where T : class =>
        TryLoad(path, type) ?? throw new IOException(File.Exists(path)
            ? $"'{path}' is damaged: it holds no {what}. Publish again: the step that writes it writes it anew."
            : $"'{path}' does not exist: the step that writes the {what} did not run.");

    /// <summary>
    /// Null when the file is missing, empty or damaged (a publish killed mid-write by an older Slim, a disk that
    /// filled): the caller treats it as absent and does the work again, so a damaged state file never fails every publish.
    /// </summary>
    public static T? TryLoad<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), Checked(type));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A context declared with other options would write other bytes than every earlier Slim: refused, not written.</summary>
    private static JsonTypeInfo<T> Checked<T>(JsonTypeInfo<T> type) =>
        type.Options is { WriteIndented: true, Encoder: null, DefaultIgnoreCondition: System.Text.Json.Serialization.JsonIgnoreCondition.Never }
        && type.Options.PropertyNamingPolicy == JsonNamingPolicy.CamelCase
            ? type
            : throw new InvalidOperationException($"The JSON metadata of {typeof(T).Name} is not a state file's (indented, camelCase): its context lacks [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = CamelCase)].");
}
