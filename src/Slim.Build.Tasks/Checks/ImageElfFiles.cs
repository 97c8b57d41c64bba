using System.Security.Cryptography;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Checks;

/// <summary>Every ELF file of the image, read once in one pass over the layers, by its path in the image.</summary>
internal sealed class ImageElfFiles(IReadOnlyDictionary<string, ElfFile> files, IReadOnlySet<string>? readFromOriginal = null)
{
    private static readonly byte[] Magic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    public IReadOnlyDictionary<string, ElfFile> Files { get; } = files;

    /// <summary>Image paths whose ELF was read from the unpacked original of a UPX-packed file.</summary>
    public IReadOnlySet<string> ReadFromOriginal { get; } = readFromOriginal ?? new HashSet<string>();

    /// <param name="runtimeIdentifier">The image's platform, e.g. linux-x64: another RID's runtimes/&lt;rid&gt;/ files (a RID-less publish ships them all) are never loaded, so not read.</param>
    /// <param name="packedOriginals">Lower-case hex SHA-256 of a file UPX packed to the file it was packed from. A packed
    /// program shows no interpreter, dynamic section nor needed library: the loader sees the original's once UPX unpacks it.</param>
    public static ImageElfFiles Read(ImageFileSystem image, string runtimeIdentifier = "", IReadOnlyDictionary<string, string>? packedOriginals = null)
    {
        var collector = new Collector(runtimeIdentifier, packedOriginals, new LayerFactsCache(null));
        image.Scan(collector.Wants, collector.Take);
        return collector.Result(image);
    }

    /// <summary>
    /// The image's filesystem and its ELF files in one pass over the archive's layers (each decompressed once); a layer
    /// whose entries and ELF files <paramref name="facts"/> holds from an earlier read of the same blob is not decompressed.
    /// </summary>
    public static (ImageFileSystem Image, ImageElfFiles Elf) ReadArchive(string archive, string runtimeIdentifier = "",
        IReadOnlyDictionary<string, string>? packedOriginals = null, LayerFactsCache? facts = null)
    {
        var collector = new Collector(runtimeIdentifier, packedOriginals, facts ?? new LayerFactsCache(null));
        var image = ImageFileSystem.Read(archive, (entry, data) =>
        {
            if (collector.Wants(entry))
                collector.Take(entry, data);
        }, collector);
        return (image, collector.Result(image));
    }

    /// <summary>An ELF file of a layer as the facts cache keeps it.</summary>
    internal sealed record LayerElf(string Path, ElfFile Elf, bool FromOriginal);

    private sealed class Collector(string runtimeIdentifier, IReadOnlyDictionary<string, string>? packedOriginals, LayerFactsCache facts) : ILayerMemory
    {
        private readonly Dictionary<(string Path, int Layer), (ElfFile Elf, bool FromOriginal)> _read = [];

        /// <summary>Which files are read as ELF, and from where, depends on the platform and on UPX's originals: part of the facts' name.</summary>
        private readonly string _elfFacts = "elf-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            runtimeIdentifier + "\n" + string.Join("\n", (packedOriginals ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + " " + (File.Exists(p.Value) ? new FileInfo(p.Value).Length : -1) + " " + p.Value)))))[..16].ToLowerInvariant();

        public IReadOnlyList<LayerRecord>? Recall(string member, int layer)
        {
            if (facts.Recall(member, LayerFactsCache.Entries, LayerFactsJson.Default.ListLayerRecord) is not { } records || facts.Recall(member, _elfFacts, ChecksStateJson.Default.ListLayerElf) is not { } elf)
                return null;
            foreach (var file in elf)
                _read[(file.Path, layer)] = (file.Elf, file.FromOriginal);
            return records;
        }

        public void Remember(string member, int layer, IReadOnlyList<LayerRecord> records)
        {
            facts.Remember(member, LayerFactsCache.Entries, records, LayerFactsJson.Default.IReadOnlyListLayerRecord);
            facts.Remember(member, _elfFacts, _read.Where(r => r.Key.Layer == layer)
                .Select(r => new LayerElf(r.Key.Path, r.Value.Elf, r.Value.FromOriginal)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), ChecksStateJson.Default.ListLayerElf);
        }

        public byte[]? RecallFile(string member, string path) => facts.RecallBytes(member, LayerFactsCache.FileKind(path));

        public void RememberFile(string member, string path, byte[] bytes) => facts.RememberBytes(member, LayerFactsCache.FileKind(path), bytes);

        public bool Wants(ImageFileEntry e) => e.Size > Magic.Length && !RuntimeAssetFolders.IsForOtherPlatform(e.Path, runtimeIdentifier);

        public void Take(ImageFileEntry entry, Stream data)
        {
            var head = new byte[Magic.Length];
            if (data.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.AsSpan().SequenceEqual(Magic))
                return;
            // ELFSharp seeks: the layer's stream cannot, so the file is read into memory, one at a time.
            using var copy = new MemoryStream((int)Math.Min(entry.Size, int.MaxValue));
            copy.Write(head);
            data.CopyTo(copy);
            copy.Position = 0;
            if (packedOriginals is { Count: > 0 }
                && packedOriginals.TryGetValue(Convert.ToHexString(SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length))).ToLowerInvariant(), out var original)
                && ElfFile.TryRead(original) is { } unpacked)
            {
                _read[(entry.Path, entry.Layer)] = (unpacked, true);
                return;
            }
            if (ElfFile.TryRead(copy) is { } elf)
                _read[(entry.Path, entry.Layer)] = (elf, false);
        }

        /// <summary>Only the files the merged view kept: one a higher layer replaced or deleted is not the image's.</summary>
        public ImageElfFiles Result(ImageFileSystem image)
        {
            var files = new SortedDictionary<string, ElfFile>(StringComparer.Ordinal);
            var fromOriginal = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ((path, layer), (elf, original)) in _read)
                if (image.Entry(path) is { Kind: ImageEntryKind.File } kept && kept.Layer == layer)
                {
                    files[path] = elf;
                    if (original)
                        fromOriginal.Add(path);
                }
            return new ImageElfFiles(files, fromOriginal);
        }
    }
}
