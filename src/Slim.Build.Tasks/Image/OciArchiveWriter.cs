using System.Text;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// An OCI image layout in one uncompressed tar (what <c>podman load -i</c> and <c>skopeo inspect
/// oci-archive:</c> read): <c>oci-layout</c>, <c>index.json</c> and <c>blobs/sha256/</c> holding the config,
/// the manifest and each layer. index.json lists the manifest once, annotated with the first name as
/// <c>io.containerd.image.name</c> (which podman 4.3 and containerd name the loaded image after) and as
/// <c>org.opencontainers.image.ref.name</c> (what <c>skopeo ... oci-archive:path:name</c> selects by; podman
/// also takes it when it is a full name, but turns a bare tag such as "1" into "localhost/1:latest").
/// podman 4.3 refuses an archive whose index lists more than one manifest ("more than one image in oci"),
/// so further names are not written: the result says which name a load gives; the docker archive carries all.
/// </summary>
internal sealed class OciArchiveWriter(ImageEpoch epoch) : IImageArchiveWriter
{
    /// <summary>The oci-layout file of every layout Slim writes.</summary>
    public const string LayoutVersion = "{\"imageLayoutVersion\":\"1.0.0\"}";

    public ImageArchive Write(ImageDocuments image, IReadOnlyList<string> names, string path)
    {
        var name = names.FirstOrDefault();
        var index = OciJsonWriter.Write(new ImageIndex([new Descriptor(MediaTypes.OciManifest, image.ManifestDigest, image.Manifest.Length,
            Annotations: name is null ? null : [KeyValuePair.Create(Annotations.ContainerdName, name), KeyValuePair.Create(Annotations.RefName, name)])]));
        var members = new List<ArchiveMember>
        {
            new("oci-layout", Content: Encoding.UTF8.GetBytes(LayoutVersion)),
            new("index.json", Content: index),
            ArchiveMember.Blob(image.ConfigDigest, image.Config),
            ArchiveMember.Blob(image.ManifestDigest, image.Manifest),
        };
        members.AddRange(image.Layers.Select(ArchiveMember.Blob));
        var size = ArchiveMember.WriteTar(members, path, epoch);
        return new ImageArchive(Path.GetFullPath(path), size, image.ManifestDigest, image.Manifest.Length, image.ConfigDigest, image.Config.Length,
            name is null ? [] : [name]);
    }
}
