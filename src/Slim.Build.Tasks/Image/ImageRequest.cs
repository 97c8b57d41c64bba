using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image;

/// <summary>Everything an image is made from, gathered by the image step.</summary>
/// <param name="Origins">Each published file's origin (the ledger's publish step): it decides the layer.</param>
/// <param name="BaseImage">ContainerBaseImage: auto (assembled from this machine's files), scratch, or an OCI layout on disk (<see cref="Base.BaseReference"/>).</param>
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

    /// <summary>The build's cancellation (Ctrl+C): the base pull and the layer writing stop at once; nothing half written lands.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>obj/.../slim/own-files.txt when several projects publish into one folder: only those files go into the image.</summary>
    public string? OwnFilesList { get; init; }

    /// <summary>The project folder, where a relative ContainerBaseImage path starts.</summary>
    public string ProjectDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>SlimPruneRuntimePieces: the shared runtime's layer leaves out what a self-contained publish prunes.</summary>
    public bool PruneRuntimePieces { get; init; } = true;

    /// <summary>Where layers made from this machine's files only are kept for every project (~/.cache/slim/layers); null: per project only.</summary>
    public string? MachineLayerCache { get; init; }

    /// <summary>SlimCacheDirectory: where pulled bases are kept; empty: $XDG_CACHE_HOME/slim or ~/.cache/slim.</summary>
    public string CacheDirectory { get; init; } = "";

    /// <summary>SlimInsecureRegistries: registries besides loopback reached over plain HTTP, ';'-separated.</summary>
    public string InsecureRegistries { get; init; } = "";

    /// <summary>SlimBaseSource: where auto's base comes from, host (this machine's files) or packages (Debian packages pinned in a lock).</summary>
    public string BaseSource { get; init; } = BaseSources.Host;

    /// <summary>The package base's settings; null: a lock under <see cref="WorkDirectory"/>, the machine's apt sources and keyring.</summary>
    public Base.Packages.PackageSettings? Packages { get; init; }

    /// <summary>$(NuGetPackageRoot): the runtime packs a framework app's image for another architecture takes its shared runtime from.</summary>
    public string? NuGetPackageRoot { get; init; }

    /// <summary>The SBOM of the app; the image step adds the base's packages and puts it into the image. Null: no SBOM.</summary>
    public Sbom.SbomRequest? Sbom { get; init; }

    /// <summary>slim/&lt;App&gt;.cdx.json: the same bytes as the image's copy.</summary>
    public string? SbomFile { get; init; }
}
