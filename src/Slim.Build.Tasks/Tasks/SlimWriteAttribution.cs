using Microsoft.Build.Framework;
using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>
/// Attributes every byte of the final publish folder and of the image to its origin (the app, a NuGet package, a
/// runtime pack, the base's Debian packages) into obj/.../slim/attribution.json, which the report copies; does
/// nothing when what it was made from is unchanged and the file is still the one it wrote.
/// </summary>
public sealed class SlimWriteAttribution : SlimTask
{
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>obj/.../slim/own-files.txt when the publish folder is shared (-o outside the project): only these files are this project's.</summary>
    public string OwnFilesList { get; set; } = "";
    /// <summary>obj/.../slim/ledger/: each published file's origin.</summary>
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>obj/project.assets.json: which package or runtime pack each file and assembly comes from.</summary>
    public string AssetsFile { get; set; } = "";
    public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The app's assembly name ($(AssemblyName)), the one a NativeAOT executable is named after.</summary>
    public string AppAssembly { get; set; } = "";
    /// <summary>ILC's size map (obj/.../native/&lt;App&gt;.mstat); set only for a NativeAOT publish.</summary>
    public string MstatFile { get; set; } = "";
    /// <summary>image.json from the image step; missing when no image was built.</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>SlimCacheDirectory (empty: $XDG_CACHE_HOME/slim or ~/.cache/slim): each layer blob's entries, read once, by its digest.</summary>
    public string CacheDirectory { get; set; } = "";
    /// <summary>container.json, for where the app sits in the image.</summary>
    public string ContainerFile { get; set; } = "";
    /// <summary>Where attribution.json goes (obj/.../slim/attribution.json); its state file goes beside it.</summary>
    [Required] public string AttributionFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        string[] settings = [AppAssembly, TargetFramework, RuntimeIdentifier];
        var key = ReportState.InputsKey(PublishDirectory, LedgerDirectory, settings, [AssetsFile, MstatFile, ImageFile, ContainerFile], OwnFilesList);
        var state = new ReportState(AttributionFile + ".state");
        if (state.IsCurrent(key, [AttributionFile]))
            return;
        var ledgers = SizeLedger.LoadAll(LedgerDirectory);
        var origins = ledgers.FirstOrDefault(l => l.Step == LedgerStep.Publish)?.Entries.ToDictionary(e => e.Path, e => e.Origin, StringComparer.Ordinal) ?? [];
        var attribution = AttributionInputs.Build(ReportBuilder.Measure(PublishDirectory, origins, OwnFilesList), ImageSection.TryLoad(ImageFile), AssetsFile,
            TargetFramework, RuntimeIdentifier, AppAssembly, MstatFile, ContainerFile, diagnostics, Image.Archive.LayerFactsCache.In(CacheDirectory));
        Attribution.AttributionFile.Save(AttributionFile, attribution);
        state.Record(key, [AttributionFile]);
    }
}
