using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// The filesystem a container of an image archive would see, read from the archive itself (slim/image.tar as an
/// OCI layout, or docker's manifest.json form), not from a running container: every layer's entries merged bottom
/// to top, whiteouts (<c>.wh.name</c>, <c>.wh..wh..opq</c>) honoured, and what the upper layers hid or deleted kept
/// as the layers' waste. File bytes are not held: <see cref="Scan"/> streams the ones asked for.
/// </summary>
internal sealed class ImageFileSystem
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";
    private const int MaxLinkHops = 40;

    private readonly string _archive;
    private readonly IReadOnlyList<string> _layerMembers;
    private readonly Dictionary<string, ImageFileEntry> _entries;

    private ImageFileSystem(string archive, IReadOnlyList<string> layerMembers, ImageRunSettings run, Dictionary<string, ImageFileEntry> entries, IReadOnlyList<WastedFile> waste)
    {
        _archive = archive;
        _layerMembers = layerMembers;
        Run = run;
        _entries = entries;
        Waste = waste;
    }

    public ImageRunSettings Run { get; }

    public IReadOnlyList<WastedFile> Waste { get; }

    public int LayerCount => _layerMembers.Count;

    public IEnumerable<ImageFileEntry> Entries => _entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal);

    public ImageFileEntry? Entry(string path) => _entries.GetValueOrDefault(Normalize(path));

    public static ImageFileSystem Read(string archive)
    {
        var documents = SmallMembers(archive);
        var (configMember, layerMembers) = documents.TryGetValue("index.json", out var index)
            ? FromOciIndex(index, documents)
            : documents.TryGetValue("manifest.json", out var dockerManifest)
                ? FromDockerManifest(dockerManifest)
                : throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, "it holds neither index.json nor manifest.json");
        var run = ImageRunSettings.Parse(documents.TryGetValue(configMember, out var config)
            ? config : throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"it lacks the image config '{configMember}'"));

        var entries = new Dictionary<string, ImageFileEntry>(StringComparer.Ordinal);
        var waste = new List<WastedFile>();
        for (var layer = 0; layer < layerMembers.Count; layer++)
            WithLayer(archive, layerMembers[layer], tar => Merge(tar, layer, entries, waste));
        return new ImageFileSystem(archive, layerMembers, run, entries, waste);
    }

    /// <summary>
    /// Where <paramref name="path"/> leads after every symlink on the way (/lib64/ld-linux-x86-64.so.2 through
    /// lib64 -> usr/lib64 and the file's own link): the entry, or null when it leads nowhere in the image.
    /// </summary>
    public ImageFileEntry? Resolve(string path)
    {
        var pending = new Stack<string>(Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse());
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
                current = _entries.GetValueOrDefault(Normalize(current.LinkTarget ?? "")) is { } target ? current with { Size = target.Size } : current;
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
        for (var layer = 0; layer < _layerMembers.Count; layer++)
        {
            var want = byLayer[layer].ToDictionary(e => e.Path, StringComparer.Ordinal);
            if (want.Count == 0)
                continue;
            WithLayer(_archive, _layerMembers[layer], tar =>
            {
                while (tar.GetNextEntry() is { } entry)
                    if (entry.DataStream is { } data && want.TryGetValue(Normalize(entry.Name), out var file))
                        read(file, data);
            });
        }
    }

    /// <summary>The bytes of one file (following links), or null when the image holds no such file.</summary>
    public byte[]? ReadAllBytes(string path)
    {
        if (Resolve(path) is not { Kind: ImageEntryKind.File } file)
            return null;
        byte[]? bytes = null;
        Scan(e => e.Path == file.Path, (_, data) =>
        {
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            bytes = copy.ToArray();
        });
        return bytes;
    }

    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
            p = p[2..];
        return p.Trim('/');
    }

    private static void Merge(TarReader tar, int layer, Dictionary<string, ImageFileEntry> entries, List<WastedFile> waste)
    {
        var added = new List<ImageFileEntry>();
        while (tar.GetNextEntry() is { } entry)
        {
            var path = Normalize(entry.Name);
            var name = path[(path.LastIndexOf('/') + 1)..];
            var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
            if (name == OpaqueWhiteout)
                Remove(entries, folder, childrenOnly: true, layer, waste);
            else if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
                Remove(entries, (folder.Length > 0 ? folder + "/" : "") + name[WhiteoutPrefix.Length..], childrenOnly: false, layer, waste);
            else
                added.Add(new ImageFileEntry(path, KindOf(entry.EntryType), (int)entry.Mode & 0xFFF, entry.Uid, entry.Length,
                    entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink ? entry.LinkName : null, layer));
        }
        foreach (var entry in added)
        {
            if (entries.TryGetValue(entry.Path, out var lower) && lower.Kind == ImageEntryKind.File && lower.Layer < layer && lower.Size > 0)
                waste.Add(new WastedFile(lower.Path, lower.Layer, lower.Size, DeletedBy: false));
            entries[entry.Path] = entry;
        }
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
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => ImageEntryKind.File,
        TarEntryType.Directory => ImageEntryKind.Directory,
        TarEntryType.SymbolicLink => ImageEntryKind.Symlink,
        TarEntryType.HardLink => ImageEntryKind.HardLink,
        _ => ImageEntryKind.Other,
    };

    /// <summary>index.json, manifest.json and the blobs small enough to be a manifest or a config.</summary>
    private static Dictionary<string, byte[]> SmallMembers(string archive)
    {
        const long MaxDocument = 4 << 20;
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var file = File.OpenRead(archive);
        using var tar = new TarReader(file);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not { } data || entry.Length > MaxDocument)
                continue;
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            members[Normalize(entry.Name)] = copy.ToArray();
        }
        return members;
    }

    private static (string Config, IReadOnlyList<string> Layers) FromOciIndex(byte[] index, Dictionary<string, byte[]> documents)
    {
        using var indexDoc = JsonDocument.Parse(index);
        var manifestDigest = indexDoc.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        var manifestBytes = documents.GetValueOrDefault(BlobPath(manifestDigest))
            ?? throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, "index.json", $"the archive lacks the manifest blob {manifestDigest}");
        using var manifest = JsonDocument.Parse(manifestBytes);
        var config = BlobPath(manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!);
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => BlobPath(l.GetProperty("digest").GetString()!)).ToList();
        return (config, layers);
    }

    private static (string Config, IReadOnlyList<string> Layers) FromDockerManifest(byte[] manifestJson)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        var image = manifest.RootElement[0];
        return (Normalize(image.GetProperty("Config").GetString()!),
            image.GetProperty("Layers").EnumerateArray().Select(l => Normalize(l.GetString()!)).ToList());
    }

    private static string BlobPath(string digest) => "blobs/" + digest.Replace(':', '/');

    /// <summary>Opens the layer <paramref name="member"/> of the archive, gzipped or not, as a tar.</summary>
    private static void WithLayer(string archive, string member, Action<TarReader> read)
    {
        using var file = File.OpenRead(archive);
        using var outer = new TarReader(file);
        while (outer.GetNextEntry() is { } entry)
        {
            if (Normalize(entry.Name) != member || entry.DataStream is not { } data)
                continue;
            var magic = new byte[2];
            var gzipped = data.Read(magic, 0, 2) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            data.Seek(0, SeekOrigin.Begin);
            using var layer = gzipped ? new GZipStream(data, CompressionMode.Decompress, leaveOpen: true) : data;
            using var tar = new TarReader(layer, leaveOpen: true);
            read(tar);
            return;
        }
        throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"it lacks the layer '{member}' its manifest lists");
    }
}
