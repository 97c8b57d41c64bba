using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// The size of the plain publish Slim made beside its own (every file of its publish folder), kept in a small file
/// named by <see cref="PlainPublishKey"/>: a later publish made from the same inputs reads it instead of publishing again.
/// </summary>
internal static partial class PlainPublishSize
{
    internal sealed record Recorded(long Bytes, int Files);

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSerializable(typeof(Recorded))]
    private sealed partial class PlainPublishJson : JsonSerializerContext;

    /// <summary>Measures the plain publish folder into <paramref name="sizeFile"/>.</summary>
    public static void Record(string directory, string sizeFile)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        AtomicFile.WriteAllText(sizeFile, JsonSerializer.Serialize(new Recorded(files.Sum(), files.Count), PlainPublishJson.Default.Recorded));
    }

    /// <returns>The recorded size; null when there is no such file or it is not one this class wrote.</returns>
    public static long? Load(string sizeFile)
    {
        if (string.IsNullOrEmpty(sizeFile) || !File.Exists(sizeFile))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(sizeFile), PlainPublishJson.Default.Recorded) is { Bytes: > 0 } recorded ? recorded.Bytes : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
