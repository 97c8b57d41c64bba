using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The archive <c>docker load</c> reads (and <c>podman load</c>): <c>manifest.json</c> naming the config, the
/// tags (RepoTags) and the layers in order, beside the same config and gzip layer blobs the OCI archive
/// holds, under <c>blobs/sha256/</c> as <c>docker save</c> lays them out since Docker 25. The engine
/// decompresses the layers itself and checks them against the config's diff_ids. The manifest digest in the
/// result is what a push of the same documents gives; docker computes its own image ID (the config digest).
/// </summary>
internal sealed class DockerArchiveWriter(ImageEpoch epoch) : IImageArchiveWriter
{
    public ImageArchive Write(ImageDocuments image, IReadOnlyList<string> names, string path)
    {
        var configPath = ArchiveMember.Blob(image.ConfigDigest, image.Config).Path;
        var manifest = CanonicalJson.Write(json =>
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("Config", configPath);
            json.WriteStartArray("RepoTags");
            foreach (var name in names)
                json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("Layers");
            foreach (var layer in image.Layers)
                json.WriteStringValue(ArchiveMember.Blob(layer).Path);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        });
        var members = new List<ArchiveMember>
        {
            new("manifest.json", Content: manifest),
            ArchiveMember.Blob(image.ConfigDigest, image.Config),
        };
        members.AddRange(image.Layers.Select(ArchiveMember.Blob));
        var size = ArchiveMember.WriteTar(members, path, epoch);
        return new ImageArchive(Path.GetFullPath(path), size, image.ManifestDigest, image.Manifest.Length, image.ConfigDigest, image.Config.Length, names);
    }
}
