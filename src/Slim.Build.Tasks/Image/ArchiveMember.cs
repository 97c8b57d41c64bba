using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image;

/// <summary>A file of an image archive: bytes in memory (JSON documents) or a blob on disk (a layer).</summary>
internal sealed record ArchiveMember(string Path, byte[]? Content = null, string? SourceFile = null)
{
    /// <summary>Writes the members sorted by path, every parent folder first, each at 0644 and folders at 0755, under the epoch.</summary>
    public static long WriteTar(IEnumerable<ArchiveMember> members, string path, ImageEpoch epoch)
    {
        var unique = new SortedDictionary<string, ArchiveMember>(StringComparer.Ordinal);
        foreach (var member in members)
            unique.TryAdd(member.Path, member); // a blob two layers share is stored once
        var entries = unique.Values.Select(m => m.Content is { } content
            ? new LayerEntry(m.Path, LayerEntryKind.File, ReproducibleTarWriter.FileMode, Content: content)
            : new LayerEntry(m.Path, LayerEntryKind.File, ReproducibleTarWriter.FileMode, SourceFile: m.SourceFile));

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".slim-tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var tar = new ReproducibleTarWriter(file, epoch))
                foreach (var entry in LayerContents.Complete(entries))
                {
                    if (entry.Kind == LayerEntryKind.Directory)
                        tar.AddDirectory(entry.Path, entry.Mode);
                    else if (entry.Content is { } content)
                        tar.AddFile(entry.Path, entry.Mode, content);
                    else
                        AddBlobFile(tar, entry);
                }
            File.Move(temp, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>
    /// Copies a blob into the archive while another thread hashes the same open file (one inode, whatever is renamed
    /// meanwhile): a blob's name is its digest, and bytes that hash otherwise were damaged on disk and must not ship.
    /// Hashing beside the copy instead of in its way takes the hash's time (about as long as the copy) off the image step.
    /// </summary>
    /// <exception cref="SlimException">SLIM4044 naming the file, the digest it should have and the one it has.</exception>
    private static void AddBlobFile(ReproducibleTarWriter tar, LayerEntry entry)
    {
        using var source = new FileStream(entry.SourceFile!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var hashing = Task.Run(() => IO.FileSha256.Of(source.SafeFileHandle));
        try
        {
            tar.AddFile(entry.Path, entry.Mode, source.Length, source);
        }
        catch
        {
            // The file stays open until the hash is done with it.
            ((IAsyncResult)hashing).AsyncWaitHandle.WaitOne();
            throw;
        }
        var digest = Sha256Digest.FromHash(hashing.GetAwaiter().GetResult());
        if (entry.Path.StartsWith(BlobFolder, StringComparison.Ordinal)
            && Sha256Digest.Prefix + entry.Path[BlobFolder.Length..] is var expected && digest != expected)
            throw new SlimException(SlimDiagnostics.ArchiveBlobDamaged, entry.SourceFile!, expected, digest);
    }

    private const string BlobFolder = "blobs/sha256/";

    public static ArchiveMember Blob(string digest, byte[] content) => new(ArchivePath.Blob(digest), Content: content);

    public static ArchiveMember Blob(LayerBlob layer) => new(ArchivePath.Blob(layer.Digest), SourceFile: layer.Path);
}
