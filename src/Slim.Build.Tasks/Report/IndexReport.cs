using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// slim/report.json of a ContainerRuntimeIdentifiers publish: the image index as a whole, then one section per platform,
/// taken from what each platform's own publish recorded (slim/&lt;rid&gt;/report.json stays that platform's full report).
/// <see cref="Kind"/> tells it from a single-platform report. Schema version 1; sections are added, never renamed.
/// </summary>
/// <param name="Budgets">The image budgets over the index: each one's largest platform against it.</param>
internal sealed record IndexReport(
    int SchemaVersion,
    string Kind,
    ToolInfo Tool,
    string Project,
    IndexSection Index,
    IReadOnlyList<PlatformSection> Platforms,
    IReadOnlyList<IndexBudget> Budgets)
{
    public const int CurrentSchemaVersion = 1;
    public const string IndexKind = "image-index";
}

/// <param name="Archive">slim/image.tar.</param>
/// <param name="Digest">The index's digest: what a registry calls the multi-platform image.</param>
/// <param name="Names">ContainerRepository:tag for each tag.</param>
internal sealed record IndexSection(string Archive, string Digest, IReadOnlyList<string> Names);

/// <summary>One platform's image, as the index lists it and its own publish measured it.</summary>
/// <param name="ManifestDigest">The platform's manifest, as listed in the index.</param>
/// <param name="WireBytes">Its compressed layers: what a pull of this platform transfers.</param>
/// <param name="Needs">What the app needs at run time on this platform; null when that publish recorded none.</param>
/// <param name="Report">slim/&lt;rid&gt;/report.json, that platform's full report; null when SlimReport=false.</param>
internal sealed record PlatformSection(
    string RuntimeIdentifier,
    string Os,
    string Architecture,
    string? Variant,
    string ManifestDigest,
    long WireBytes,
    long UnpackedBytes,
    IReadOnlyList<LayerSummary> Layers,
    RuntimeNeeds? Needs,
    string? Report)
{
    /// <summary>os/architecture[/variant], as the index and the console name it.</summary>
    public string Platform => new Image.Oci.ImagePlatform(Architecture, Os, Variant).Describe();
}

/// <summary>An image budget (SlimMaxImageSize, SlimMaxImageUnpackedSize) that every platform's publish checked on its own image.</summary>
/// <param name="LargestPlatform">The platform closest to the limit (os/architecture[/variant]); it decides the budget.</param>
/// <param name="Passed">True when every platform is within the limit.</param>
internal sealed record IndexBudget(BudgetKind Kind, string Name, string Limit, long LimitBytes, string LargestPlatform, long LargestBytes, bool Passed);
