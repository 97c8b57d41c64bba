namespace Slim.Build.Tasks.Files;

/// <summary>
/// Gzipped size of a file: about what a registry transfers for it. <see cref="ParallelGzipStream"/> is the
/// compressor the image layers use, so the estimate and the layer agree, and it uses every core; a large file goes
/// through Slim.Gzip, as a large layer does, when <c>gzipProgram</c> is given.
/// </summary>
internal static class WireSize
{
    public const int Level = 6;

    /// <summary>What decides the answer besides the file's bytes: a size kept from another compressor is not this one's.</summary>
    public static string Format => $"gzip sharpziplib level {Level} blocks {ParallelGzipStream.BlockSize}";

    /// <param name="gzipProgram">Slim.Gzip (<see cref="GzipProcessStream.FindProgram"/>), or null to compress in this process.</param>
    /// <param name="outOfProcessBytes">From how many bytes the program compresses.</param>
    public static long Gzip(string path, string? gzipProgram = null, long outOfProcessBytes = GzipProcessStream.OutOfProcessBytes)
    {
        using var input = File.OpenRead(path);
        var counter = new CountingStream();
        using (var gzip = GzipProcessStream.Compressor(input.Length, gzipProgram, counter, Level, outOfProcessBytes))
            input.CopyTo(gzip);
        return counter.BytesWritten;
    }

    private sealed class CountingStream : WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => BytesWritten += buffer.Length;
    }
}
