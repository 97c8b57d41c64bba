using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>Copies blobs out of an image archive (blobs/sha256/&lt;hex&gt;, in the OCI and the docker format alike), verified by digest.</summary>
internal static class ArchiveBlobs
{
    private static readonly string BlobFolder = ArchivePath.Blob(Sha256Digest.Prefix);

    /// <returns>The digests found, each with the file it was copied to under <paramref name="folder"/>.</returns>
    public static IReadOnlyDictionary<string, string> Extract(string archive, IReadOnlySet<string> digests, string folder)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(folder);
        foreach (var (name, entry) in ImageArchiveReader.Members(archive))
        {
            if (entry.DataStream is null || !name.StartsWith(BlobFolder, StringComparison.Ordinal))
                continue;
            var digest = Sha256Digest.Prefix + name[BlobFolder.Length..];
            if (!digests.Contains(digest))
                continue;
            var path = Path.Combine(folder, Sha256Digest.Hex(digest));
            using (var file = File.Create(path))
            using (var hashing = new HashingStream(file))
            {
                entry.DataStream.CopyTo(hashing);
                if (hashing.Digest != digest)
                    continue;
            }
            found[digest] = path;
        }
        return found;
    }
}
