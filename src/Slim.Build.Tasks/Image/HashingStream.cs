using System.Security.Cryptography;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// A write-only stream that hashes (SHA-256) and counts what passes through it on the way to the stream
/// beneath, so a layer's two digests and two sizes come out of one pass without holding the layer in memory.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public long BytesWritten => _length;

    /// <summary>The digest of everything written so far ("sha256:...").</summary>
    public string Digest => Sha256Digest.FromHash(_hash.GetCurrentHash());

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}
