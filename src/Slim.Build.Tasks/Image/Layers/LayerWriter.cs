namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// Writes layer entries as a gzip-compressed tar on disk, reproducibly: <see cref="LayerContents"/> decides
/// order and parents, <see cref="ReproducibleTarWriter"/> the headers, and <see cref="Files.ParallelGzipStream"/> the
/// compressed bytes, on every core, so the same entries give the same bytes on any machine, OS and .NET version.
/// A layer of <see cref="Files.GzipProcessStream.OutOfProcessBytes"/> or more is compressed by <see cref="Files.GzipProcessStream"/> (the
/// same code in a process of its own, where the JIT optimizes it at once), when the program is there. Streams: a
/// file's bytes go from disk through the tar, the hash of the tar, gzip and the hash of the gzip to the output
/// file, never whole into memory.
/// </summary>
/// <param name="gzipProgram">Slim.Gzip, or null to compress every layer in this process.</param>
/// <param name="cancellation">The build's cancellation: checked before each entry; the temp file goes, nothing lands.</param>
/// <param name="outOfProcessBytes">From how many bytes the program compresses a layer.</param>
internal sealed class LayerWriter(ImageEpoch epoch, int compressionLevel = LayerWriter.DefaultCompressionLevel, string? gzipProgram = null,
    CancellationToken cancellation = default, long outOfProcessBytes = Files.GzipProcessStream.OutOfProcessBytes)
{
    /// <summary>zlib's default: the level <c>Files/WireSize</c> estimates with, so the estimate and the layer agree.</summary>
    public const int DefaultCompressionLevel = 6;

    /// <summary>What decides the compressed bytes besides the entries: a cached blob written any other way is not this writer's.</summary>
    public string Format => $"tar+gzip sharpziplib level {compressionLevel} blocks {Files.ParallelGzipStream.BlockSize}";

    public LayerBlob Write(IEnumerable<LayerEntry> entries, string outputPath)
    {
        var contents = LayerContents.Complete(entries);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(outputPath))!);
        // Unique per writer: projects built at once may write the same machine-wide layer.
        var temp = $"{outputPath}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        try
        {
            string digest, diffId;
            long size, uncompressedSize, contentSize = 0;
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var compressed = new HashingStream(file))
            {
                using (var gzip = Compressor(contents, compressed))
                {
                    using var uncompressed = new HashingStream(gzip);
                    using (var tar = new ReproducibleTarWriter(uncompressed, epoch))
                        foreach (var entry in contents)
                        {
                            cancellation.ThrowIfCancellationRequested();
                            contentSize += Add(tar, entry);
                        }
                    diffId = uncompressed.Digest;
                    uncompressedSize = uncompressed.BytesWritten;
                }
                digest = compressed.Digest;
                size = compressed.BytesWritten;
            }
            File.Move(temp, outputPath, overwrite: true);
            return new LayerBlob(System.IO.Path.GetFullPath(outputPath), digest, size, diffId, uncompressedSize, contentSize);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private Stream Compressor(IReadOnlyList<LayerEntry> contents, Stream destination) =>
        Files.GzipProcessStream.Compressor(contents.Sum(SizeOf), gzipProgram, destination, compressionLevel, outOfProcessBytes);

    private static long SizeOf(LayerEntry entry) =>
        entry.Content?.Length ?? (entry.SourceFile is { } source && entry.Kind == LayerEntryKind.File ? new FileInfo(source).Length : 0);

    /// <returns>The bytes of file content added.</returns>
    private static long Add(ReproducibleTarWriter tar, LayerEntry entry)
    {
        switch (entry.Kind)
        {
            case LayerEntryKind.Directory:
                tar.AddDirectory(entry.Path, entry.Mode, entry.UserId, entry.GroupId);
                return 0;
            case LayerEntryKind.Symlink:
                tar.AddSymlink(entry.Path, entry.LinkTarget!, entry.Mode, entry.UserId, entry.GroupId);
                return 0;
            case LayerEntryKind.File when entry.Content is { } content:
                tar.AddFile(entry.Path, entry.Mode, content, entry.UserId, entry.GroupId);
                return content.Length;
            default:
                using (var source = new FileStream(entry.SourceFile!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                {
                    tar.AddFile(entry.Path, entry.Mode, source.Length, source, entry.UserId, entry.GroupId);
                    return source.Length;
                }
        }
    }
}
