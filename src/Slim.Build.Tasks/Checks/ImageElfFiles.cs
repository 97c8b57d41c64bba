using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Checks;

/// <summary>Every ELF file of the image, read once in one pass over the layers, by its path in the image.</summary>
internal sealed class ImageElfFiles(IReadOnlyDictionary<string, ElfFile> files)
{
    private static readonly byte[] Magic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    public IReadOnlyDictionary<string, ElfFile> Files { get; } = files;

    /// <param name="runtimeIdentifier">The image's platform, e.g. linux-x64: another RID's runtimes/&lt;rid&gt;/ files (a RID-less publish ships them all) are never loaded, so not read.</param>
    public static ImageElfFiles Read(ImageFileSystem image, string runtimeIdentifier = "")
    {
        var files = new SortedDictionary<string, ElfFile>(StringComparer.Ordinal);
        image.Scan(e => e.Size > Magic.Length && !RuntimeAssetFolders.IsForOtherPlatform(e.Path, runtimeIdentifier), (entry, data) =>
        {
            var head = new byte[Magic.Length];
            if (data.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.AsSpan().SequenceEqual(Magic))
                return;
            // ELFSharp seeks: the layer's stream cannot, so the file is read into memory, one at a time.
            using var copy = new MemoryStream((int)Math.Min(entry.Size, int.MaxValue));
            copy.Write(head);
            data.CopyTo(copy);
            copy.Position = 0;
            if (ElfFile.TryRead(copy) is { } elf)
                files[entry.Path] = elf;
        });
        return new ImageElfFiles(files);
    }
}
