namespace Slim.Build.Tasks.Files;

/// <summary>
/// Gzipped size of a file: about what a registry transfers for it. <see cref="ParallelGzipStream"/> is the
/// compressor the image layers use, so the estimate and the layer agree, and it uses every core.
/// </summary>
internal static class WireSize
{
    public static long Gzip(string path)
    {
        using var input = File.OpenRead(path);
        var counter = new CountingStream();
        using (var gzip = new ParallelGzipStream(counter, level: 6))
            input.CopyTo(gzip);
        return counter.Length;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
