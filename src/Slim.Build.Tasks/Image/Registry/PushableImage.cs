using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// The image the image step left in obj/.../slim/image/: its manifest and config as written (manifest.json,
/// config.json) and each layer's blob in the layer cache, found by digest. These are the archive's very bytes.
/// </summary>
internal sealed record PushableImage(byte[] Manifest, string ManifestDigest, byte[] Config, string ConfigDigest, IReadOnlyList<PushableBlob> Layers)
{
    public const string ManifestFile = "manifest.json";
    public const string ConfigFile = "config.json";

    /// <param name="workDirectory">obj/.../slim/image/.</param>
    /// <param name="expectedDigest">image.json's digest: the manifest on disk must be that image's.</param>
    /// <param name="archive">slim/image.tar (either format keeps blobs at blobs/sha256/&lt;hex&gt;): the source of layers the
    /// layer cache does not hold, such as a base's layers taken unchanged from an OCI layout.</param>
    public static PushableImage Load(string workDirectory, string expectedDigest, IReadOnlyList<LayerSummary> summaries, string? archive = null)
    {
        var manifestPath = Path.Combine(workDirectory, ManifestFile);
        var configPath = Path.Combine(workDirectory, ConfigFile);
        if (!File.Exists(manifestPath) || !File.Exists(configPath))
            throw new SlimException(SlimDiagnostics.PushImageMissing, manifestPath);
        var manifest = File.ReadAllBytes(manifestPath);
        var config = File.ReadAllBytes(configPath);
        var manifestDigest = Sha256Digest.Of(manifest);
        if (manifestDigest != expectedDigest)
            throw new SlimException(SlimDiagnostics.PushImageMissing, manifestPath);
        Manifest parsed;
        try
        {
            parsed = OciJsonReader.ReadManifest(manifest);
        }
        catch (FormatException)
        {
            throw new SlimException(SlimDiagnostics.PushImageMissing, manifestPath);
        }
        var configDigest = parsed.Config.Digest;
        var cached = LayerFiles(Path.Combine(workDirectory, "layers"));
        var wanted = parsed.Layers.Select(l => l.Digest).ToList();
        if (archive is not null && File.Exists(archive) && wanted.Any(d => !cached.ContainsKey(d)))
            foreach (var (digest, path) in ArchiveBlobs.Extract(archive, wanted.Where(d => !cached.ContainsKey(d)).ToHashSet(), Path.Combine(workDirectory, "push")))
                cached[digest] = path;
        var layers = parsed.Layers.Select((layer, i) =>
        {
            var (digest, size) = (layer.Digest, layer.Size);
            if (!cached.TryGetValue(digest, out var path) || new FileInfo(path).Length != size)
                throw new SlimException(SlimDiagnostics.PushImageMissing, Path.Combine(workDirectory, "layers", digest));
            var holds = i < summaries.Count ? summaries[i].Holds : "";
            return new PushableBlob(digest, size, path, holds);
        }).ToList();
        return new PushableImage(manifest, manifestDigest, config, configDigest, layers);
    }

    /// <summary>The layer cache's records (key.json beside key.tar.gz) by the digest they hold.</summary>
    private static Dictionary<string, string> LayerFiles(string folder)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
            return found;
        foreach (var record in Directory.EnumerateFiles(folder, "*.json"))
        {
            var blob = Path.ChangeExtension(record, null) + ".tar.gz";
            using var json = JsonDocument.Parse(File.ReadAllText(record));
            if (File.Exists(blob) && json.RootElement.TryGetProperty("digest", out var digest) && digest.GetString() is { } d)
                found[d] = blob;
        }
        return found;
    }
}

/// <param name="Holds">What the layer holds ("base: glibc, openssl", "app"), from image.json.</param>
internal sealed record PushableBlob(string Digest, long Size, string Path, string Holds);
