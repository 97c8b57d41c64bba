using System.Security.Cryptography;

namespace Slim.Build.Tasks.Image.Oci;

/// <summary>Content digests as OCI writes them: "sha256:" and 64 lowercase hex digits.</summary>
internal static class Sha256Digest
{
    public const string Prefix = "sha256:";

    public static string Of(byte[] content) => FromHash(SHA256.HashData(content));

    public static string FromHash(byte[] hash) => Prefix + Convert.ToHexString(hash).ToLowerInvariant();

    /// <summary>"sha256:ab12..." -> "ab12...": the blob's file name under blobs/sha256/.</summary>
    public static string Hex(string digest) =>
        digest.StartsWith(Prefix, StringComparison.Ordinal) ? digest[Prefix.Length..] : throw new ArgumentException($"'{digest}' is not a sha256 digest.", nameof(digest));
}
