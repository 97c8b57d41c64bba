using System.Text.Json;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>A content descriptor of an index or manifest: media type, digest, size, platform and annotations.</summary>
internal sealed record OciDescriptor(string MediaType, string Digest, long Size, ImagePlatform? Platform, string? RefName)
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public bool IsIndex => MediaType is OciIndex or DockerList;
    public bool IsManifest => MediaType is OciManifest or DockerManifest;

    /// <exception cref="FormatException">A descriptor without a digest or size.</exception>
    public static OciDescriptor Parse(JsonElement element)
    {
        var digest = element.TryGetProperty("digest", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : throw new FormatException("a descriptor has no digest");
        var size = element.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : throw new FormatException($"descriptor {digest} has no size");
        var mediaType = element.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        ImagePlatform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
            platform = new ImagePlatform(Text(p, "architecture") ?? "", Text(p, "os") ?? "", Text(p, "variant"));
        string? refName = null;
        if (element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
            refName = Text(a, OciArchiveWriter.RefNameAnnotation);
        return new OciDescriptor(mediaType, digest, size, platform, refName);
    }

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
