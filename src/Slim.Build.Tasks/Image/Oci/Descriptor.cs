namespace Slim.Build.Tasks.Image.Oci;

/// <summary>A content descriptor of an index or manifest: media type, digest, size, and an index entry's platform and annotations.</summary>
/// <param name="Annotations">Null: none written; an index entry's names (<see cref="Annotations.RefName"/>) live here.</param>
internal sealed record Descriptor(string MediaType, string Digest, long Size, ImagePlatform? Platform = null,
    IReadOnlyList<KeyValuePair<string, string>>? Annotations = null)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);
    public bool IsManifest => MediaTypes.IsManifest(MediaType);

    /// <summary>org.opencontainers.image.ref.name: the name a layout gives the image ("1", "repo:tag").</summary>
    public string? RefName => Annotation(Oci.Annotations.RefName);

    public string? Annotation(string key) => Annotations?.LastOrDefault(a => a.Key == key) is { Key: not null } a ? a.Value : null;
}
