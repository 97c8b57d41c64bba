using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image;

/// <summary>Everything an image is made from, gathered by the image step.</summary>
/// <param name="Origins">Each published file's origin (the ledger's publish step): it decides the layer.</param>
/// <param name="BaseImage">ContainerBaseImage: auto (assembled from this machine's files) or scratch.</param>
/// <param name="Format">oci (an OCI image layout archive) or docker (a docker load archive).</param>
/// <param name="Names">repository:tag for each tag.</param>
/// <param name="WorkDirectory">obj/.../slim/image/: layer blobs kept between publishes.</param>
internal sealed record ImageRequest(
    ContainerDescription Container,
    RuntimeNeeds Needs,
    string PublishDirectory,
    IReadOnlyDictionary<string, FileOrigin> Origins,
    string RuntimeIdentifier,
    string BaseImage,
    string Format,
    IReadOnlyList<string> Names,
    string? Revision,
    string WorkDirectory,
    string ArchivePath,
    ImageEpoch Epoch)
{
    /// <summary>The image the last publish built (image.json): an archive that already holds this image is not written again.</summary>
    public ImageSection? Previous { get; init; }

    /// <summary>The SBOM of the app; the image step adds the base's packages and puts it into the image. Null: no SBOM.</summary>
    public Sbom.SbomRequest? Sbom { get; init; }

    /// <summary>slim/&lt;App&gt;.cdx.json: the same bytes as the image's copy.</summary>
    public string? SbomFile { get; init; }
}
