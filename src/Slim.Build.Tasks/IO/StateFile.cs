using System.Text.Json;

namespace Slim.Build.Tasks.IO;

/// <summary>
/// The JSON files one step writes for the next (container.json, app-scan.json, needs.json, image.json): camelCase,
/// indented, '\n' line ends, written atomically and only when the content changed, so a step that reads one stays
/// up to date and an unchanged publish rewrites nothing.
/// </summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json).Replace("\r\n", "\n") + "\n";

    /// <returns>True when the file was written.</returns>
    public static bool Save<T>(string path, T value) => AtomicFile.WriteAllTextIfChanged(path, ToJson(value));

    /// <param name="what">What the file holds, for the message when it holds nothing ("run-time needs").</param>
    public static T Load<T>(string path, string what) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"'{path}' holds no {what}.");
}
