using System.Security.Cryptography;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// A write-only stream that hashes (SHA-256) and counts what passes through it on the way to the stream
/// beneath, so a layer's two digests and two sizes come out of one pass without holding the layer in memory.
/// </summary>
internal sealed class HashingStream(Stream inner) : Files.WriteOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    /// <summary>The digest of everything written so far ("sha256:...").</summary>
    public string Digest => Sha256Digest.FromHash(_hash.GetCurrentHash());

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        BytesWritten += buffer.Length;
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}
