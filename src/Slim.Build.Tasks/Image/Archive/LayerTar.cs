using System.Formats.Tar;
using System.IO.Compression;

namespace Slim.Build.Tasks.Image.Archive;

/// <summary>The tar a layer blob holds, gzipped (OCI and docker's tar+gzip) or plain (docker's older tar).</summary>
internal static class LayerTar
{
    /// <param name="blob">A seekable stream at the blob's start: its first two bytes tell gzip from tar.</param>
    public static void Read(Stream blob, Action<TarReader> read)
    {
        var magic = new byte[2];
        var gzipped = blob.Read(magic, 0, 2) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        blob.Seek(0, SeekOrigin.Begin);
        using var layer = gzipped ? new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true) : blob;
        using var tar = new TarReader(layer, leaveOpen: true);
        read(tar);
    }

    public static bool IsRegularFile(TarEntryType type) =>
        type is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile;
}
