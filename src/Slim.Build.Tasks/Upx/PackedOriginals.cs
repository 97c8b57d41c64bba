using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Upx;

/// <summary>
/// obj/.../slim/upx-originals.json: which files the UPX step packed and from what. A packed program has no
/// PT_INTERP, PT_DYNAMIC nor DT_NEEDED for anyone to read; the checklist reads the original instead, found by
/// the packed bytes' hash so that a file's place in the image needs no guessing.
/// </summary>
internal static partial class PackedOriginals
{
    public const string FileName = "upx-originals.json";

    public static PackedOriginal Of(string relativePath, string packed, string original) =>
        new(relativePath, Sha256Hex(File.ReadAllBytes(packed)), System.IO.Path.GetFullPath(original));

    public static void Save(string file, IEnumerable<PackedOriginal> packed) =>
        AtomicFile.WriteAllTextIfChanged(file, JsonSerializer.Serialize(packed.OrderBy(p => p.Path, StringComparer.Ordinal).ToList(), PackedOriginalsJson.Default.ListPackedOriginal));

    /// <summary>Packed hash to original path; empty when the file is missing or damaged (nothing is then read in place of the image's bytes).</summary>
    public static IReadOnlyDictionary<string, string> Load(string file)
    {
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
            return new Dictionary<string, string>();
        try
        {
            return (JsonSerializer.Deserialize(File.ReadAllText(file), PackedOriginalsJson.Default.ListPackedOriginal) ?? [])
                .GroupBy(p => p.PackedSha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Original, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(List<PackedOriginal>))]
    private sealed partial class PackedOriginalsJson : JsonSerializerContext;
}
