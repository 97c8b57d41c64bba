using ICSharpCode.SharpZipLib.GZip;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// Gzipped size of a file: about what a registry transfers for it. SharpZipLib is the same
/// compressor the image layers use, so the estimate and the layer agree.
/// </summary>
internal static class WireSize
{
    public static long Gzip(string path)
    {
        using var input = File.OpenRead(path);
        var counter = new CountingStream();
        using (var gzip = new GZipOutputStream(counter) { IsStreamOwner = false })
        {
            gzip.SetLevel(6);
            input.CopyTo(gzip);
        }
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
    }
}
