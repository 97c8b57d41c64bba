using System.Formats.Tar;
using System.IO.Compression;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An image's size read from its OCI archive the way a registry and a runtime see it, not from Slim's report:
/// the compressed layers the manifest lists (what a pull transfers) and those layers gunzipped.
/// </summary>
internal sealed record OciArchive(long WireBytes, long UnpackedBytes, int Layers)
{
    public static OciArchive Read(string archive)
    {
        var folder = Path.Combine(SlimFeed.RunRoot, "oci-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using (var stream = File.OpenRead(archive))
                TarFile.ExtractToDirectory(stream, folder, overwriteFiles: false);
            var index = Files.Json(Path.Combine(folder, "index.json"));
            var manifest = Files.Json(Blob(folder, index.GetProperty("manifests")[0].GetProperty("digest").GetString()!));
            var layers = manifest.GetProperty("layers").EnumerateArray().ToList();
            long wire = 0, unpacked = 0;
            foreach (var layer in layers)
            {
                var path = Blob(folder, layer.GetProperty("digest").GetString()!);
                Assert.AreEqual(layer.GetProperty("size").GetInt64(), Files.Size(path), "the manifest's size of " + layer);
                wire += Files.Size(path);
                using var gunzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                unpacked += Count(gunzip);
            }
            return new OciArchive(wire, unpacked, layers.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Blob(string folder, string digest) => Path.Combine(folder, "blobs", "sha256", digest["sha256:".Length..]);

    private static long Count(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = stream.Read(buffer)) > 0;)
            total += read;
        return total;
    }
}
