using Slim.Build.Tasks.Image.Oci;
using System.Security.Cryptography;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// A read-only stream that hashes (SHA-256) and counts what is read through it: a base layer's diffID and unpacked
/// size come from the same pass that checks its entries.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;

    /// <summary>The digest of everything read so far ("sha256:...").</summary>
    public string Digest => Sha256Digest.FromHash(_hash.GetCurrentHash());

    public long BytesRead => _read;

    /// <summary>Reads what is left (a tar's trailing blocks the reader stops before), then the digest of everything.</summary>
    public string DrainAndDigest()
    {
        CopyTo(Null);
        return Digest;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        _read += read;
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
