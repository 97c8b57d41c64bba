using System.Security.Cryptography;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>A read-only stream that hashes (SHA-256) and counts what is read through it: a base layer's diffID and unpacked size in the same pass that checks its entries.</summary>
internal sealed class ReadDigestStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public long BytesRead => _length;

    /// <summary>Reads what is left (a tar's trailing blocks the reader stops before), then the digest of everything ("sha256:...").</summary>
    public string DrainAndDigest()
    {
        CopyTo(Null);
        return Sha256Digest.FromHash(_hash.GetCurrentHash());
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        _length += read;
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
