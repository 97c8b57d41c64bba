namespace Slim.Build.Tasks.Files;

/// <summary>
/// What the forward-only, write-only streams here share: they count what is written (<see cref="BytesWritten"/>)
/// and refuse reads and seeks. A subclass writes the bytes in <see cref="Write(ReadOnlySpan{byte})"/> and adds
/// their count.
/// </summary>
internal abstract class WriteOnlyStream : Stream
{
    public long BytesWritten { get; protected set; }

    public sealed override bool CanRead => false;
    public sealed override bool CanSeek => false;
    public override bool CanWrite => true;
    public sealed override long Length => BytesWritten;
    public sealed override long Position { get => BytesWritten; set => throw new NotSupportedException(); }

    public abstract override void Write(ReadOnlySpan<byte> buffer);
    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public sealed override void WriteByte(byte value) => Write([value]);
    public override void Flush() { }

    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public sealed override void SetLength(long value) => throw new NotSupportedException();
}
