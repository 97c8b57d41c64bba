using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The image Slim built, as report.json's `image` section holds it; the image step writes it to
/// obj/.../slim/image.json and the report reads it from there.
/// </summary>
/// <param name="Archive">slim/image.tar (or the docker-load archive).</param>
/// <param name="Format">oci or docker.</param>
/// <param name="Digest">The manifest's digest: what a registry would call the image.</param>
/// <param name="Names">The names it carries (ContainerRepository:tag for each tag).</param>
/// <param name="WireBytes">The compressed layers: what a pull transfers.</param>
/// <param name="UnpackedBytes">The layers unpacked.</param>
internal sealed record ImageSection(
    string Archive,
    string Format,
    string Digest,
    IReadOnlyList<string> Names,
    BaseSummary Base,
    IReadOnlyList<LayerSummary> Layers,
    long WireBytes,
    long UnpackedBytes,
    IReadOnlyList<BasePackage> Packages)
{
    public const string FileName = "image.json";

    /// <summary>What the push step sent to ContainerRegistry; null when the image was not pushed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Registry.PushSummary? Push { get; init; }

    /// <summary>slim/&lt;App&gt;.cdx.json, whose bytes the image carries beside the app; null when no SBOM was made.</summary>
    public string? Sbom { get; init; }

    /// <summary>What this build read and wrote, for <see cref="ImageStamp"/>; null where not all a base is made from can be named (a base from this machine's own files, a pulled or an on-disk one).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ImageInputs? Inputs { get; init; }

    public bool Save(string path) => StateFile.Save(path, this, ImageStateJson.Default.ImageSection);

    /// <summary>Null when the file is missing or damaged: the image step builds again.</summary>
    public static ImageSection? TryLoad(string path) => StateFile.TryLoad(path, ImageStateJson.Default.ImageSection);
}
