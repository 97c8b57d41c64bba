using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Attribution;

/// <summary>A regular file in an image layer: its path ("app/WebApp", no leading '/') and bytes.</summary>
internal sealed record LayerFile(string Path, long Bytes);

/// <summary>Reads the files of each layer out of the image archive Slim wrote (blobs/sha256/&lt;hex&gt;, in OCI and docker form alike).</summary>
internal static class LayerListing
{
    /// <param name="layerDigests">"sha256:…" of each layer, in order.</param>
    /// <returns>The files of each layer found, by digest.</returns>
    public static Dictionary<string, List<LayerFile>> Read(string archive, IReadOnlyList<string> layerDigests)
    {
        var wanted = layerDigests.Distinct().ToDictionary(ArchivePath.Blob, d => d, StringComparer.Ordinal);
        var layers = new Dictionary<string, List<LayerFile>>(StringComparer.Ordinal);
        ImageArchiveReader.ForEachLayer(archive, wanted.Keys.ToHashSet(StringComparer.Ordinal), (member, tar) =>
        {
            var files = new List<LayerFile>();
            while (tar.GetNextEntry() is { } file)
                if (LayerTar.IsRegularFile(file.EntryType))
                    files.Add(new LayerFile(ArchivePath.Normalize(file.Name), file.Length));
            layers[wanted[member]] = files;
        });
        return layers;
    }
}
