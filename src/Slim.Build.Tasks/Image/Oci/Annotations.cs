namespace Slim.Build.Tasks.Image.Oci;

/// <summary>The annotation keys Slim writes or reads.</summary>
internal static class Annotations
{
    /// <summary>What <c>skopeo ... oci-archive:path:name</c> selects by, and what an index entry's image is called.</summary>
    public const string RefName = "org.opencontainers.image.ref.name";

    /// <summary>What podman 4.3 and containerd name a loaded image after.</summary>
    public const string ContainerdName = "io.containerd.image.name";

    public const string BaseName = "org.opencontainers.image.base.name";
    public const string BaseDigest = "org.opencontainers.image.base.digest";
}
