using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Attribution;

/// <summary>A regular file in an image layer: its path ("app/WebApp", no leading '/') and bytes.</summary>
internal sealed record LayerFile(string Path, long Bytes);

/// <summary>Reads the files of each layer out of the image archive Slim wrote (blobs/sha256/&lt;hex&gt;, in OCI and docker form alike).</summary>
internal static class LayerListing
{
    /// <param name="layerDigests">"sha256:…" of each layer, in order.</param>
    /// <param name="facts">The entries of layers read before, by digest: those layers are not decompressed again.</param>
    /// <returns>The files of each layer found, by digest.</returns>
    public static Dictionary<string, List<LayerFile>> Read(string archive, IReadOnlyList<string> layerDigests, LayerFactsCache? facts = null)
    {
        facts ??= new LayerFactsCache(null);
        var wanted = layerDigests.Distinct().ToDictionary(ArchivePath.Blob, d => d, StringComparer.Ordinal);
        var layers = new Dictionary<string, List<LayerFile>>(StringComparer.Ordinal);
        foreach (var (member, digest) in wanted)
            if (facts.Recall(member, LayerFactsCache.Entries, LayerFactsJson.Default.ListLayerRecord) is { } known)
                layers[digest] = Files(known);
        var unread = wanted.Keys.Where(member => !layers.ContainsKey(wanted[member])).ToHashSet(StringComparer.Ordinal);
        ImageArchiveReader.ForEachLayer(archive, unread, (member, tar) =>
        {
            var records = new List<LayerRecord>();
            while (tar.GetNextEntry() is { } entry)
                records.Add(LayerRecord.Of(entry));
            facts.Remember(member, LayerFactsCache.Entries, records, LayerFactsJson.Default.ListLayerRecord);
            layers[wanted[member]] = Files(records);
        });
        return layers;
    }

    private static List<LayerFile> Files(IEnumerable<LayerRecord> records) =>
        records.Where(r => r.IsRegularFile).Select(r => new LayerFile(r.Path, r.Length)).ToList();
}
