using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Tar;

namespace Slim.Build.Tasks.Attribution;

/// <summary>A regular file in an image layer: its path ("app/WebApp", no leading '/') and bytes.</summary>
internal sealed record LayerFile(string Path, long Bytes);

/// <summary>Reads the files of each layer out of the image archive Slim wrote (blobs/sha256/&lt;hex&gt;, gzipped tar, in OCI and docker form alike).</summary>
internal static class LayerListing
{
    /// <param name="layerDigests">"sha256:…" of each layer, in order.</param>
    /// <returns>The files of each layer found, by digest.</returns>
    public static Dictionary<string, List<LayerFile>> Read(string archive, IReadOnlyList<string> layerDigests)
    {
        var wanted = layerDigests.ToDictionary(d => "blobs/sha256/" + d.Split(':')[^1], d => d, StringComparer.Ordinal);
        var layers = new Dictionary<string, List<LayerFile>>(StringComparer.Ordinal);
        using var stream = File.OpenRead(archive);
        using var outer = new TarInputStream(stream, null);
        while (outer.GetNextEntry() is { } entry)
        {
            var name = entry.Name.TrimStart('.', '/');
            if (entry.IsDirectory || !wanted.TryGetValue(name, out var digest) || layers.ContainsKey(digest))
                continue;
            var files = new List<LayerFile>();
            using (var gzip = new GZipInputStream(outer) { IsStreamOwner = false })
            using (var inner = new TarInputStream(gzip, null) { IsStreamOwner = false })
                while (inner.GetNextEntry() is { } file)
                    if (file.TarHeader.TypeFlag is TarHeader.LF_NORMAL or TarHeader.LF_OLDNORM)
                        files.Add(new LayerFile(file.Name.TrimStart('.', '/'), file.Size));
            layers[digest] = files;
        }
        return layers;
    }
}
