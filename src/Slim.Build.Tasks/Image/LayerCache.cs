using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Keeps written layer blobs under obj/.../slim/image/, keyed by what they are made from (each entry's path,
/// kind, mode and link, and its bytes: a source file by path, size and time, content by hash), so an unchanged
/// base or runtime layer is not compressed again on the next publish. A hit gives the very same blob.
/// </summary>
internal sealed class LayerCache(string directory, LayerWriter writer)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public LayerBlob Write(IReadOnlyList<LayerEntry> entries, string epochKey)
    {
        var key = Key(entries, epochKey);
        var blobPath = Path.Combine(directory, key + ".tar.gz");
        var recordPath = Path.Combine(directory, key + ".json");
        if (File.Exists(blobPath) && File.Exists(recordPath)
            && JsonSerializer.Deserialize<LayerBlob>(File.ReadAllText(recordPath), Json) is { } cached
            && new FileInfo(blobPath).Length == cached.Size)
            return cached with { Path = blobPath };
        var blob = writer.Write(entries, blobPath);
        File.WriteAllText(recordPath, JsonSerializer.Serialize(blob, Json));
        return blob;
    }

    private static string Key(IReadOnlyList<LayerEntry> entries, string epochKey)
    {
        var text = new StringBuilder(epochKey).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(entry.Path).Append('|').Append(entry.Kind).Append('|').Append(entry.Mode).Append('|').Append(entry.LinkTarget).Append('|');
            if (entry.SourceFile is { } source)
            {
                var info = new FileInfo(source);
                text.Append(source).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
            }
            else if (entry.Content is { } content)
                text.Append(Convert.ToHexString(SHA256.HashData(content)));
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant()[..32];
    }
}
