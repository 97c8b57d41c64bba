using System.Formats.Tar;
using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Archive;

/// <summary>
/// An image archive read in place, never unpacked (slim/image.tar as an OCI layout, or docker's manifest.json
/// form): the config and the layers its manifest names, in order, and each layer's tar streamed on demand.
/// </summary>
internal sealed class ImageArchiveReader
{
    private const long MaxDocument = 4 << 20;

    private ImageArchiveReader(string path, byte[] config, IReadOnlyList<string> layerMembers)
    {
        Path = path;
        Config = config;
        LayerMembers = layerMembers;
    }

    public string Path { get; }

    /// <summary>The image config's bytes.</summary>
    public byte[] Config { get; }

    /// <summary>Each layer's member name ("blobs/sha256/…"), bottom layer first.</summary>
    public IReadOnlyList<string> LayerMembers { get; }

    public static ImageArchiveReader Open(string archive)
    {
        Dictionary<string, byte[]> documents;
        try
        {
            documents = SmallMembers(archive);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"it is not a whole tar archive ({e.Message})");
        }
        string configMember;
        IReadOnlyList<string> layerMembers;
        try
        {
            (configMember, layerMembers) = documents.TryGetValue("index.json", out var index)
                ? FromOciIndex(archive, index, documents)
                : documents.TryGetValue("manifest.json", out var dockerManifest)
                    ? FromDockerManifest(dockerManifest)
                    : throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, "it holds neither index.json nor manifest.json");
        }
        catch (FormatException e)
        {
            throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, e.Message);
        }
        var config = documents.TryGetValue(configMember, out var bytes)
            ? bytes : throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"it lacks the image config '{configMember}'");
        return new ImageArchiveReader(archive, config, layerMembers);
    }

    /// <summary>Opens the layer <paramref name="member"/> as a tar; the reader is only valid inside <paramref name="read"/>.</summary>
    public void WithLayer(string member, Action<TarReader> read)
    {
        foreach (var (name, entry) in Members(Path))
            if (name == member && entry.DataStream is { } data)
            {
                LayerTar.Read(data, read);
                return;
            }
        throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, Path, $"it lacks the layer '{member}' its manifest lists");
    }

    /// <summary>One pass over the archive: each of <paramref name="members"/> that it holds opened as a layer tar, once, in archive order.</summary>
    public static void ForEachLayer(string archive, IReadOnlySet<string> members, Action<string, TarReader> read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, entry) in Members(archive))
            if (entry.DataStream is { } data && members.Contains(name) && seen.Add(name))
                LayerTar.Read(data, tar => read(name, tar));
    }

    /// <summary>The archive's entries with their normalized names; each entry is only valid until the next.</summary>
    public static IEnumerable<(string Name, TarEntry Entry)> Members(string archive)
    {
        using var file = File.OpenRead(archive);
        using var tar = new TarReader(file);
        while (tar.GetNextEntry() is { } entry)
            yield return (ArchivePath.Normalize(entry.Name), entry);
    }

    /// <summary>index.json, manifest.json and the blobs small enough to be a manifest or a config.</summary>
    private static Dictionary<string, byte[]> SmallMembers(string archive)
    {
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, entry) in Members(archive))
        {
            if (entry.DataStream is not { } data || entry.Length > MaxDocument)
                continue;
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            members[name] = copy.ToArray();
        }
        return members;
    }

    private static (string Config, IReadOnlyList<string> Layers) FromOciIndex(string archive, byte[] index, Dictionary<string, byte[]> documents)
    {
        var manifestDigest = OciJsonReader.ReadIndex(index).Manifests.FirstOrDefault()?.Digest
            ?? throw new FormatException("its index.json lists no manifest");
        var manifestBytes = documents.GetValueOrDefault(ArchivePath.Blob(manifestDigest))
            ?? throw new SlimException(SlimDiagnostics.ImageArchiveUnreadable, archive, $"the archive lacks the manifest blob {manifestDigest} its index.json names");
        var manifest = OciJsonReader.ReadManifest(manifestBytes);
        return (ArchivePath.Blob(manifest.Config.Digest), manifest.Layers.Select(l => ArchivePath.Blob(l.Digest)).ToList());
    }

    private static (string Config, IReadOnlyList<string> Layers) FromDockerManifest(byte[] manifestJson)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        var image = manifest.RootElement[0];
        return (ArchivePath.Normalize(image.GetProperty("Config").GetString()!),
            image.GetProperty("Layers").EnumerateArray().Select(l => ArchivePath.Normalize(l.GetString()!)).ToList());
    }
}
