using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>An OCI archive (slim/image.tar) read as a client reads it: index, manifest, then each layer's gzip and tar.</summary>
public static class ImageArchive
{
    /// <summary>The files of one of the image's layers, by path without a leading '/'.</summary>
    public static Dictionary<string, byte[]> LayerFiles(string archive, int layerIndex) => Files(Layers(archive)[layerIndex]);

    /// <summary>Every file path of every layer.</summary>
    public static IReadOnlySet<string> AllFiles(string archive) =>
        Layers(archive).SelectMany(layer => Files(layer).Keys).ToHashSet(StringComparer.Ordinal);

    private static List<byte[]> Layers(string archive)
    {
        var blobs = Files(File.ReadAllBytes(archive), compressed: false);
        string Digest(JsonElement descriptor) => "blobs/" + descriptor.GetProperty("digest").GetString()!.Replace(':', '/');
        var index = JsonDocument.Parse(blobs["index.json"]).RootElement;
        var manifest = JsonDocument.Parse(blobs[Digest(index.GetProperty("manifests")[0])]).RootElement;
        return [.. manifest.GetProperty("layers").EnumerateArray().Select(layer => blobs[Digest(layer)])];
    }

    private static Dictionary<string, byte[]> Files(byte[] layer) => Files(layer, compressed: true);

    private static Dictionary<string, byte[]> Files(byte[] tarBytes, bool compressed)
    {
        using Stream stream = compressed ? new GZipStream(new MemoryStream(tarBytes), CompressionMode.Decompress) : new MemoryStream(tarBytes);
        using var tar = new TarReader(stream);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var entry = tar.GetNextEntry(); entry is not null; entry = tar.GetNextEntry())
            if (entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
            }
        return files;
    }
}
