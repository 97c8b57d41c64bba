using Microsoft.Build.Framework;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;
using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks;

/// <summary>
/// Builds the OCI image from container.json, needs.json and the final publish folder, with no container
/// engine, into slim/image.tar, and writes obj/.../slim/image.json for the report and the budgets.
/// </summary>
public sealed class SlimBuildImage : SlimTask
{
    [Required] public string ContainerFile { get; set; } = "";
    [Required] public string NeedsFile { get; set; } = "";
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>obj/.../slim/own-files.txt when several projects publish into one folder (-o out for a solution): only the files it lists go into the image. Empty: the whole folder.</summary>
    public string OwnFilesList { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>The slim folder, where image.tar goes.</summary>
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string StateDirectory { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>NETCoreSdkPortableRuntimeIdentifier (linux-x64): the platform of a framework-dependent publish without a RID.</summary>
    public string HostRuntimeIdentifier { get; set; } = "";
    /// <summary>SlimPruneRuntimePieces: the shared runtime's layer leaves out createdump and the debugger's libraries.</summary>
    public bool PruneRuntimePieces { get; set; } = true;
    /// <summary>SlimLayerCacheDirectory: where layers made from this machine's files are shared by every project; default ~/.cache/slim/layers.</summary>
    public string LayerCacheDirectory { get; set; } = "";
    /// <summary>ContainerBaseImage: auto (default), scratch, or an OCI image layout: a folder or archive path, oci-layout:PATH[:NAME], oci-archive:PATH[:NAME].</summary>
    public string BaseImage { get; set; } = "";
    /// <summary>SlimCacheDirectory: the per-user cache of pulled bases; default $XDG_CACHE_HOME/slim or ~/.cache/slim.</summary>
    public string CacheDirectory { get; set; } = "";
    /// <summary>$(NuGetPackageRoot): a framework app's image for another architecture takes its shared runtime from the runtime packs there.</summary>
    public string NuGetPackageRoot { get; set; } = "";
    /// <summary>SlimInsecureRegistries: registries besides loopback reached over plain HTTP, ';'-separated.</summary>
    public string InsecureRegistries { get; set; } = "";
    /// <summary>The project folder (MSBuildProjectDirectory): where a relative ContainerBaseImage path starts.</summary>
    public string ProjectDirectory { get; set; } = "";
    /// <summary>obj/.../slim/settings.json: the image's format and names, checked by SlimValidateSettings.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    /// <summary>SourceRevisionId, for the org.opencontainers.image.revision annotation.</summary>
    public string SourceRevision { get; set; } = "";
    /// <summary>SlimSbom: true (default) puts a CycloneDX SBOM into the image and writes it to slim/&lt;App&gt;.cdx.json.</summary>
    public bool Sbom { get; set; } = true;
    /// <summary>sbom.json from SlimCollectSbom: what the SBOM describes before the base's packages are known.</summary>
    public string SbomRequestFile { get; set; } = "";
    /// <summary>Where image.json goes; output only when an image was built (empty otherwise, so the report shows none).</summary>
    [Required, Output] public string ImageFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var imageFile = ImageFile;
        ImageFile = "";
        // What a publish killed mid-write left (a half image.tar, half layer blobs) is removed once it is old.
        foreach (var folder in new[] { OutputDirectory, StateDirectory, Path.Combine(StateDirectory, "image", "layers") })
            AtomicFile.RemoveAbandoned(folder);
        var previous = ImageSection.TryLoad(imageFile);
        var stamp = new ImageStamp(Path.Combine(StateDirectory, "image.stamp"));
        var key = StampKey();
        if (previous is not null && stamp.Holds(key))
        {
            diagnostics.Detail($"Slim: nothing the image is made from changed: {previous.Archive} stays ({previous.Digest}).");
            // What the push step added to image.json was the last push's: the image step's record is the image alone.
            (previous with { Push = null }).Save(imageFile);
            ImageFile = imageFile;
            return;
        }
        stamp.Forget();
        using var elfFacts = Elf.ElfFactsMemo.Use(Image.Registry.RegistryBaseSource.CacheRoot(CacheDirectory, Environment.GetEnvironmentVariable));
        var recording = new ReplayableDiagnostics(diagnostics);
        var image = Build(previous, recording);
        if (image is null)
        {
            // A publish that builds no image leaves no image.json behind for the report to show.
            File.Delete(imageFile);
            return;
        }
        image.Save(imageFile);
        // A build that warned or noticed anything builds again next time, and says it again.
        if (image.Inputs is { } inputs && recording.Logged.Count == 0)
            stamp.Record(key, inputs.Watched, inputs.Written);
        ImageFile = imageFile;
    }

    /// <summary>Everything the image depends on besides this machine's files, which the stamp itself watches.</summary>
    private string StampKey()
    {
        var version = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(SlimBuildImage).Assembly)?.InformationalVersion ?? "";
        string[] settings = [version, ContainerFile, NeedsFile, PublishDirectory, OwnFilesList, LedgerDirectory, OutputDirectory, StateDirectory, RuntimeIdentifier,
            HostRuntimeIdentifier, PruneRuntimePieces.ToString(), LayerCacheDirectory, BaseImage, CacheDirectory, NuGetPackageRoot, InsecureRegistries, ProjectDirectory,
            SettingsFile, SourceRevision, Sbom.ToString(), SbomRequestFile,
            .. new[] { "SOURCE_DATE_EPOCH", "DOTNET_ROOT", "DOTNET_HOST_PATH", "XDG_CACHE_HOME", "HOME" }.Select(v => v + "=" + Environment.GetEnvironmentVariable(v))];
        var settingsFile = SlimSettings.Load(SettingsFile);
        string[] contents = [ContainerFile, NeedsFile, SettingsFile, SbomRequestFile, OwnFilesList, PackageSettingsOf.From(settingsFile, ProjectDirectory).LockFile,
            .. Directory.Exists(LedgerDirectory) ? Directory.GetFiles(LedgerDirectory).Order(StringComparer.Ordinal).ToArray() : []];
        var own = string.IsNullOrWhiteSpace(OwnFilesList) ? null : PublishFolder.RelativeFiles(PublishDirectory, OwnFilesList).ToList();
        return ImageStamp.Key(settings, contents.Where(c => c.Length > 0), PublishDirectory, own);
    }

    private ImageSection? Build(ImageSection? previous, IDiagnostics diagnostics)
    {
        var container = ContainerDescription.Load(ContainerFile);
        var settings = SlimSettings.Load(SettingsFile);
        var format = settings.ImageFormat.JsonName();
        var names = settings.ImageNames;
        var origins = SizeLedger.LoadAll(LedgerDirectory).FirstOrDefault(l => l.Step == LedgerStep.Publish)?.Entries
            .ToDictionary(e => e.Path, e => e.Origin, StringComparer.Ordinal) ?? [];
        var archive = Path.Combine(OutputDirectory, ImageArchiveNames.For(format));
        // A framework-dependent app without a RID is portable: it runs on this machine's platform.
        var rid = string.IsNullOrWhiteSpace(RuntimeIdentifier) && container.Project.Profile == SizeProfile.Framework
            ? HostRuntimeIdentifier : RuntimeIdentifier;
        var request = new ImageRequest(container, RuntimeNeeds.Load(NeedsFile), PublishDirectory, origins, rid,
            BaseImage, format, names, string.IsNullOrWhiteSpace(SourceRevision) ? null : SourceRevision.Trim(),
            Path.Combine(StateDirectory, "image"), archive, ImageEpoch.FromEnvironment())
        {
            Previous = previous,
            Cancellation = Cancellation,
            ProjectDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory,
            PruneRuntimePieces = PruneRuntimePieces,
            OwnFilesList = string.IsNullOrWhiteSpace(OwnFilesList) ? null : OwnFilesList,
            CacheDirectory = CacheDirectory.Trim(),
            InsecureRegistries = InsecureRegistries,
            MachineLayerCache = MachineLayerCache(diagnostics),
            BaseSource = settings.BaseSource,
            NuGetPackageRoot = string.IsNullOrWhiteSpace(NuGetPackageRoot) ? null : NuGetPackageRoot,
            Packages = PackageSettingsOf.From(settings, ProjectDirectory),
        };
        if (Sbom && Slim.Build.Tasks.Sbom.SbomRequestFile.TryLoad(SbomRequestFile) is { } sbom)
        {
            // The image's epoch: the SBOM in the image must not make its digest depend on when the request was collected.
            request = request with { Sbom = sbom with { Timestamp = request.Epoch.Time }, SbomFile = Path.Combine(OutputDirectory, sbom.FileName) };
        }
        else
        {
            // An SBOM left from an earlier publish would describe an image that no longer carries it.
            File.Delete(Path.Combine(OutputDirectory, container.Project.ProjectName + ".cdx.json"));
        }
        return ImageBuilder.Build(request, diagnostics);
    }

    /// <summary>SlimLayerCacheDirectory, or null (layers under obj/ only) with SLIM4046 when it cannot be written: a cache never fails a publish.</summary>
    private string? MachineLayerCache(IDiagnostics diagnostics)
    {
        var folder = string.IsNullOrWhiteSpace(LayerCacheDirectory) ? LayerCache.UserDirectory() : LayerCacheDirectory.Trim();
        if (folder is null || LayerCache.WhyNotWritable(folder) is not { } why)
        {
            if (folder is not null)
            {
                AtomicFile.RemoveAbandoned(folder);
                AtomicFile.RemoveAbandoned(LayerCache.ProjectFolder(folder)!);
            }
            return folder;
        }
        diagnostics.Warning(SlimDiagnostics.LayerCacheUnwritable, folder, why);
        return null;
    }
}
