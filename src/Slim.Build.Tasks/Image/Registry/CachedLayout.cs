using System.Security.Cryptography;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// A pulled base's layout in the per-user cache, checked before it is used again: a blob whose bytes are not its
/// digest (a bad disk, an edit, a copy cut short) is removed from the layout and the blob store, and index.json
/// with it, so the base is pulled again instead of failing every later publish with SLIM4024.
/// </summary>
internal static class CachedLayout
{
    /// <summary>True when the layout is whole; otherwise removes what is damaged, says so, and returns false.</summary>
    public static bool IsIntact(string layout, string cacheRoot, string reference, IDiagnostics diagnostics)
    {
        var index = Path.Combine(layout, "index.json");
        if (!File.Exists(index))
            return false;
        var damaged = Directory.EnumerateFiles(Path.Combine(layout, "blobs", "sha256")).Where(IsDamaged).ToList();
        if (damaged.Count == 0)
            return true;
        foreach (var blob in damaged)
        {
            diagnostics.Warning(SlimDiagnostics.CachedBaseDamaged, reference, blob, cacheRoot);
            File.Delete(blob);
            File.Delete(Path.Combine(cacheRoot, "blobs", "sha256", Path.GetFileName(blob)));
        }
        File.Delete(index);
        return false;
    }

    private static bool IsDamaged(string blob)
    {
        using var stream = new FileStream(blob, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Sha256Digest.Hex(Sha256Digest.FromHash(SHA256.HashData(stream))) != Path.GetFileName(blob);
    }
}
