namespace Slim.Build.Tasks.Image.Oci;

/// <summary>An image manifest (OCI or docker v2): the config's descriptor, the layers' in rootfs order, and the annotations.</summary>
/// <param name="Annotations">Null: none written.</param>
internal sealed record Manifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<KeyValuePair<string, string>>? Annotations = null);
