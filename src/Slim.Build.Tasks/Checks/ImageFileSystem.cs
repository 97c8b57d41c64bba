using System.Formats.Tar;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// The filesystem a container of an image archive would see, read from the archive itself (slim/image.tar as an
/// OCI layout, or docker's manifest.json form), not from a running container: every layer's entries merged bottom
/// to top, whiteouts (<c>.wh.name</c>, <c>.wh..wh..opq</c>) honoured, and what the upper layers hid or deleted kept
/// as the layers' waste. File bytes are not held: <see cref="Scan"/> streams the ones asked for.
/// </summary>
internal sealed class ImageFileSystem
{
    private const int MaxLinkHops = 40;

    private readonly ImageArchiveReader _archive;
    private readonly Dictionary<string, ImageFileEntry> _entries;
    private readonly ILayerMemory? _memory;

    private ImageFileSystem(ImageArchiveReader archive, ImageRunSettings run, Dictionary<string, ImageFileEntry> entries, IReadOnlyList<WastedFile> waste, ILayerMemory? memory)
    {
        _archive = archive;
        _memory = memory;
        Run = run;
        _entries = entries;
        Waste = waste;
    }

    public ImageRunSettings Run { get; }

    public IReadOnlyList<WastedFile> Waste { get; }

    public int LayerCount => _archive.LayerMembers.Count;

    public IEnumerable<ImageFileEntry> Entries => _entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal);

    public ImageFileEntry? Entry(string path) => _entries.GetValueOrDefault(ArchivePath.Normalize(path));

    /// <param name="onFile">Called with each regular file of every layer and its bytes (valid only during the call), in the
    /// same pass that reads the entries: a caller that wants the bytes of many files (every ELF file) does not make a
    /// second pass over the layers. Files a higher layer hides are passed too; <see cref="Entry"/> says which survived.</param>
    /// <param name="memory">What is known of a layer without decompressing it: a layer it recalls is merged from its
    /// records and <paramref name="onFile"/> never sees its files; every layer read is offered to it.</param>
    public static ImageFileSystem Read(string archive, Action<ImageFileEntry, Stream>? onFile = null, ILayerMemory? memory = null)
    {
        var reader = ImageArchiveReader.Open(archive);
        ImageRunSettings run;
        try
        {
            run = ImageRunSettings.Parse(reader.Config);
        }
        catch (FormatException e)
        {
            throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, e.Message);
        }
        var entries = new Dictionary<string, ImageFileEntry>(StringComparer.Ordinal);
        var waste = new List<WastedFile>();
        for (var layer = 0; layer < reader.LayerMembers.Count; layer++)
        {
            var member = reader.LayerMembers[layer];
            if (memory?.Recall(member, layer) is { } known)
            {
                Merge(known.Select(r => (r, (Stream?)null)), layer, entries, waste, null);
                continue;
            }
            var records = new List<LayerRecord>();
            try
            {
                reader.WithLayer(member, tar => Merge(Records(tar, records), layer, entries, waste, onFile));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"its layer '{member}' is not a readable tar ({e.Message})");
            }
            memory?.Remember(member, layer, records);
        }
        return new ImageFileSystem(reader, run, entries, waste, memory);
    }

    /// <summary>The layer's entries with their bytes, each kept in <paramref name="read"/> as it goes by.</summary>
    private static IEnumerable<(LayerRecord, Stream?)> Records(TarReader tar, List<LayerRecord> read)
    {
        while (tar.GetNextEntry() is { } entry)
        {
            var record = LayerRecord.Of(entry);
            read.Add(record);
            yield return (record, entry.DataStream);
        }
    }

    /// <summary>
    /// Where <paramref name="path"/> leads after every symlink on the way (/lib64/ld-linux-x86-64.so.2 through
    /// lib64 -> usr/lib64 and the file's own link): the entry, or null when it leads nowhere in the image.
    /// </summary>
    public ImageFileEntry? Resolve(string path)
    {
        var pending = new Stack<string>(ArchivePath.Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse());
        var resolved = new List<string>();
        ImageFileEntry? current = _entries.GetValueOrDefault("") ?? new ImageFileEntry("", ImageEntryKind.Directory, 0x1ED, 0, 0, null, 0);
        for (var hops = 0; pending.Count > 0;)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            resolved.Add(part);
            current = _entries.GetValueOrDefault(string.Join('/', resolved));
            if (current is null)
                return null;
            if (current.Kind == ImageEntryKind.Symlink)
            {
                if (++hops > MaxLinkHops)
                    return null;
                resolved.RemoveAt(resolved.Count - 1);
                var target = current.LinkTarget ?? "";
                if (target.StartsWith('/'))
                    resolved.Clear();
                foreach (var p in target.Split('/', StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse())
                    pending.Push(p);
            }
            else if (current.Kind == ImageEntryKind.HardLink)
            {
                current = _entries.GetValueOrDefault(ArchivePath.Normalize(current.LinkTarget ?? "")) is { } target ? current with { Size = target.Size } : current;
            }
        }
        return current;
    }

    /// <summary>
    /// Streams the bytes of each file of the merged view that <paramref name="wanted"/> picks, one pass over the
    /// layers; the stream is only valid inside <paramref name="read"/>.
    /// </summary>
    public void Scan(Func<ImageFileEntry, bool> wanted, Action<ImageFileEntry, Stream> read)
    {
        var byLayer = _entries.Values.Where(e => e.Kind == ImageEntryKind.File && wanted(e)).ToLookup(e => e.Layer);
        for (var layer = 0; layer < _archive.LayerMembers.Count; layer++)
        {
            var want = byLayer[layer].ToDictionary(e => e.Path, StringComparer.Ordinal);
            if (want.Count == 0)
                continue;
            _archive.WithLayer(_archive.LayerMembers[layer], tar =>
            {
                while (tar.GetNextEntry() is { } entry)
                    if (entry.DataStream is { } data && want.TryGetValue(ArchivePath.Normalize(entry.Name), out var file))
                        read(file, data);
            });
        }
    }

    /// <summary>
    /// The bytes of one file (following links), or null when the image holds no such file. A layer's memory may hold
    /// them from an earlier read of the same blob: a base's /etc/passwd and libc.so.6 are not decompressed on every publish.
    /// </summary>
    public byte[]? ReadAllBytes(string path)
    {
        if (Resolve(path) is not { Kind: ImageEntryKind.File } file)
            return null;
        var member = _archive.LayerMembers[file.Layer];
        if (_memory?.RecallFile(member, file.Path) is { } known && known.Length == file.Size)
            return known;
        byte[]? bytes = null;
        Scan(e => e.Path == file.Path, (_, data) =>
        {
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            bytes = copy.ToArray();
        });
        if (bytes is not null)
            _memory?.RememberFile(member, file.Path, bytes);
        return bytes;
    }

    private static void Merge(IEnumerable<(LayerRecord Record, Stream? Data)> records, int layer, Dictionary<string, ImageFileEntry> entries, List<WastedFile> waste, Action<ImageFileEntry, Stream>? onFile)
    {
        var added = new List<ImageFileEntry>();
        foreach (var (record, data) in records)
        {
            var path = record.Path;
            if (Whiteout.OpaqueFolder(path) is { } folder)
                Remove(entries, folder, childrenOnly: true, layer, waste);
            else if (Whiteout.Target(path) is { } deleted)
                Remove(entries, deleted, childrenOnly: false, layer, waste);
            else
            {
                var file = new ImageFileEntry(path, KindOf(record.Type), record.Mode & 0xFFF, record.Uid, record.Length, record.LinkTarget, layer);
                added.Add(file);
                if (onFile is not null && file.Kind == ImageEntryKind.File && data is not null)
                    onFile(file, data);
            }
        }
        foreach (var entry in added)
        {
            if (entries.TryGetValue(entry.Path, out var lower) && lower.Kind == ImageEntryKind.File && lower.Layer < layer && lower.Size > 0)
                waste.Add(new WastedFile(lower.Path, lower.Layer, lower.Size, DeletedBy: false));
            entries[entry.Path] = entry;
        }
        // A layer may leave its parent folders out (etc/passwd with no etc/): a container runtime creates them
        // (0755, root), so every lookup finds the file through them.
        foreach (var entry in added)
            for (var slash = entry.Path.LastIndexOf('/'); slash > 0; slash = entry.Path.LastIndexOf('/', slash - 1))
                entries.TryAdd(entry.Path[..slash], new ImageFileEntry(entry.Path[..slash], ImageEntryKind.Directory, 0x1ED, 0, 0, null, layer));
    }

    private static void Remove(Dictionary<string, ImageFileEntry> entries, string path, bool childrenOnly, int layer, List<WastedFile> waste)
    {
        var prefix = path.Length == 0 ? "" : path + "/";
        var gone = entries.Values.Where(e => e.Layer < layer && ((!childrenOnly && e.Path == path) || e.Path.StartsWith(prefix, StringComparison.Ordinal) && e.Path != path)).ToList();
        foreach (var e in gone)
        {
            entries.Remove(e.Path);
            if (e.Kind == ImageEntryKind.File && e.Size > 0)
                waste.Add(new WastedFile(e.Path, e.Layer, e.Size, DeletedBy: true));
        }
    }

    private static ImageEntryKind KindOf(TarEntryType type) => type switch
    {
        _ when LayerTar.IsRegularFile(type) => ImageEntryKind.File,
        TarEntryType.Directory => ImageEntryKind.Directory,
        TarEntryType.SymbolicLink => ImageEntryKind.Symlink,
        TarEntryType.HardLink => ImageEntryKind.HardLink,
        _ => ImageEntryKind.Other,
    };
}
