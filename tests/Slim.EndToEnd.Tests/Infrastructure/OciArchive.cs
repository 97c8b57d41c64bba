using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An image read from its OCI archive the way a registry and a runtime see it, not from Slim's report: index, manifest,
/// then the compressed layers the manifest lists (what a pull transfers), gunzipped into their files.
/// </summary>
internal sealed record OciArchive(long WireBytes, long UnpackedBytes, int Layers)
{
    /// <summary>The image's sizes: its layers as the manifest lists them, and those layers gunzipped.</summary>
    public static OciArchive Read(string archive)
    {
        var layers = CompressedLayers(archive);
        long wire = 0, unpacked = 0;
        foreach (var (size, bytes) in layers)
        {
            Assert.AreEqual(size, bytes.LongLength, "the manifest's size of a layer");
            wire += bytes.LongLength;
            using var gunzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            unpacked += Count(gunzip);
        }
        return new OciArchive(wire, unpacked, layers.Count);
    }

    /// <summary>The files of one of the image's layers, by path without a leading '/'.</summary>
    public static Dictionary<string, byte[]> LayerFiles(string archive, int layerIndex) => TarFiles(CompressedLayers(archive)[layerIndex].Bytes, compressed: true);

    /// <summary>Every file path of every layer.</summary>
    public static IReadOnlySet<string> AllFiles(string archive) =>
        CompressedLayers(archive).SelectMany(layer => TarFiles(layer.Bytes, compressed: true).Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each layer the manifest lists: the size it gives, and the blob's bytes.</summary>
    private static List<(long Size, byte[] Bytes)> CompressedLayers(string archive)
    {
        var blobs = TarFiles(File.ReadAllBytes(archive), compressed: false);
        string Blob(JsonElement descriptor) => "blobs/" + descriptor.GetProperty("digest").GetString()!.Replace(':', '/');
        var index = JsonDocument.Parse(blobs["index.json"]).RootElement;
        var manifest = JsonDocument.Parse(blobs[Blob(index.GetProperty("manifests")[0])]).RootElement;
        return [.. manifest.GetProperty("layers").EnumerateArray().Select(layer => (layer.GetProperty("size").GetInt64(), blobs[Blob(layer)]))];
    }

    private static Dictionary<string, byte[]> TarFiles(byte[] tarBytes, bool compressed)
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

    private static long Count(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = stream.Read(buffer)) > 0;)
            total += read;
        return total;
    }
}
