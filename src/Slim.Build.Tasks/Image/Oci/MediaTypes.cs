namespace Slim.Build.Tasks.Image.Oci;

/// <summary>Every media type Slim writes or reads: OCI's, and docker's manifest and list a registry may answer with.</summary>
internal static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>What a pull asks a registry for (its Accept header).</summary>
    public static readonly string[] Accepted = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>The document's own mediaType field, for a registry that answers without a Content-Type.</summary>
    /// <exception cref="FormatException">Not a JSON object.</exception>
    public static string Sniff(byte[] content) => OciJsonReader.MediaTypeOf(content);
}
