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
        return counter.BytesWritten;
    }

    private sealed class CountingStream : WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => BytesWritten += buffer.Length;
    }
}
