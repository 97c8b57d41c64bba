using System.Text.Json;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>The manifest and index media types Slim reads from registries, OCI and docker.</summary>
internal static class ManifestMediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    public static readonly string[] Accepted = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>The document's own mediaType field, for a registry that answers without a Content-Type.</summary>
    public static string Sniff(byte[] content)
    {
        using var json = JsonDocument.Parse(content);
        if (json.RootElement.TryGetProperty("mediaType", out var type) && type.GetString() is { Length: > 0 } t)
            return t;
        return json.RootElement.TryGetProperty("manifests", out _) ? OciIndex : OciManifest;
    }
}
