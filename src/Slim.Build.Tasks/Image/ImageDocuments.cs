using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// An image ready to be written anywhere: its config and manifest as bytes with their digests, and the
/// layer blobs on disk. The OCI archive, the docker archive (and a registry push) all write these same bytes.
/// </summary>
internal sealed record ImageDocuments(byte[] Config, string ConfigDigest, byte[] Manifest, string ManifestDigest, IReadOnlyList<LayerBlob> Layers)
{
    public static ImageDocuments Create(ImageConfig config, IReadOnlyList<ImageLayer> layers, ManifestAnnotations annotations, ImageEpoch epoch)
    {
        var configBytes = ImageConfigJson.Write(config, layers, epoch);
        var configDigest = Sha256Digest.Of(configBytes);
        var blobs = layers.Select(l => l.Blob).ToList();
        var manifest = OciJsonWriter.Write(new Manifest(MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, configDigest, configBytes.Length),
            [.. blobs.Select(b => new Descriptor(MediaTypes.OciLayerGzip, b.Digest, b.Size))], [.. annotations.For(epoch)]));
        return new ImageDocuments(configBytes, configDigest, manifest, Sha256Digest.Of(manifest), blobs);
    }
}
