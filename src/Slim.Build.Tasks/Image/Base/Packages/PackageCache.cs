using System.Security.Cryptography;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The per-user store of what the archive gave (.deb files and Packages indexes), each under its SHA-256, beside the
/// pulled bases and the layer cache (SlimCacheDirectory, default ~/.cache/slim/packages), so a second project or a
/// fresh clone downloads nothing. A file is hashed each time it is taken: one whose bytes are not its name is deleted
/// and counts as absent, never used. Several builds may fill it at once: each writes its own temporary file and
/// renames it into place.
/// </summary>
internal sealed class PackageCache(string root)
{
    public string Root { get; } = root;

    /// <summary>The cache folder of <paramref name="cacheRoot"/> (RegistryBaseSource.CacheRoot).</summary>
    public static PackageCache Under(string cacheRoot) => new(Path.Combine(cacheRoot, "packages"));

    public string PathOf(string sha256) => Path.Combine(Root, "sha256", sha256);

    /// <summary>The cached file with these bytes, or null (a damaged copy is deleted first).</summary>
    public string? Find(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
            return null;
        if (Hash(path) == sha256)
            return path;
        File.Delete(path);
        return null;
    }

    /// <summary>Copies <paramref name="content"/> in under its hash; false (nothing kept) when its bytes are not <paramref name="sha256"/>.</summary>
    public bool TryStore(Stream content, string sha256, out string actualSha256, out long size)
    {
        var path = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        try
        {
            using (var file = File.Create(temp))
            using (var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                for (int read; (read = content.Read(buffer)) > 0; size += read)
                {
                    hashing.AppendData(buffer, 0, read);
                    file.Write(buffer, 0, read);
                }
                actualSha256 = Convert.ToHexString(hashing.GetHashAndReset()).ToLowerInvariant();
            }
            if (actualSha256 != sha256)
                return false;
            File.Move(temp, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Where the files of the .deb with this hash are unpacked (see <see cref="DebUnpacker"/>).</summary>
    public string UnpackedFolder(string sha256) => Path.Combine(Root, "unpacked", sha256);

    public static string Hash(string path) => FileSha256.Hex(path).ToLowerInvariant();
}
