using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// The blobs/ folder of an OCI image layout, where nothing is taken on trust: a blob is used only after its
/// bytes hash to the digest that names it and its size is the descriptor's.
/// </summary>
/// <param name="folder">Where the blobs are read: the layout folder, or where an archive was unpacked.</param>
/// <param name="layout">The layout as the user named it (the folder or the archive), for messages.</param>
internal sealed partial class LayoutBlobs(string folder, string layout, string reference, IDiagnostics diagnostics)
{
    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256();

    /// <summary>A small document (index, manifest, config), verified; null after reporting.</summary>
    public byte[]? Read(string digest, long size, string what)
    {
        var path = Verified(digest, size, what);
        return path is null ? null : File.ReadAllBytes(path);
    }

    /// <summary>The blob's path once its bytes are verified; null after reporting why not.</summary>
    public string? Verified(string digest, long size, string what)
    {
        if (!Sha256().IsMatch(digest))
        {
            diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference, layout, $"{what} has the digest '{digest}', not sha256:<64 hex digits>");
            return null;
        }
        var path = Path.Combine(folder, ArchivePath.Blob(digest));
        if (!File.Exists(path))
        {
            diagnostics.Error(SlimDiagnostics.BaseBlob_Missing, reference, digest, what, path);
            return null;
        }
        string actual;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            actual = Sha256Digest.FromHash(SHA256.HashData(stream));
            length = stream.Length;
        }
        if (actual != digest || (size >= 0 && length != size))
        {
            diagnostics.Error(SlimDiagnostics.BaseBlob_Mismatch, reference, digest, what, actual, length, size);
            return null;
        }
        return path;
    }
}
