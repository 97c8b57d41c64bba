using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>What a base gives the image: layers taken as they are and layers to write, under the app's.</summary>
/// <param name="Name">The org.opencontainers.image.base.name annotation and label: the reference as given; null for Slim's own
/// assembled base and for scratch, which are no image anyone can pull (the report's <see cref="BaseSummary"/> names them).</param>
/// <param name="Layers">Blobs taken unchanged (an external base's, in rootfs order), each holding <paramref name="LayerHolds"/>.</param>
/// <param name="Planned">Layers Slim writes for the base (this machine's files, the shared runtime).</param>
/// <param name="Environment">The base's variables, which the project's override by name.</param>
/// <param name="History">The base's history entries, one per taken layer at least; null when there are no taken layers.</param>
/// <param name="ManifestDigest">The base's manifest digest: the base.digest annotation.</param>
internal sealed record BaseImage(
    string? Name,
    BaseSummary Summary,
    IReadOnlyList<LayerBlob> Layers,
    string LayerHolds,
    IReadOnlyList<PlannedLayer> Planned,
    IReadOnlyList<NameValue> Environment,
    IReadOnlyList<NameValue> Labels,
    IReadOnlyList<HistoryEntry>? History,
    string? ManifestDigest,
    IReadOnlyList<BasePackage> Packages)
{
    /// <summary>The os-release text of a base whose layers go in unchanged (an image layout); a base Slim plans writes its own into <see cref="Planned"/>.</summary>
    public string? OsRelease { get; init; }
}
