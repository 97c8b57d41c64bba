using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>
/// Collects what the SBOM describes once per publish, the app and the NuGet packages and runtime packs its assets
/// file lists that ship (decided from the final publish folder and, for NativeAOT, ILC's size map), with their licenses
/// and hashes from the NuGet cache, into obj/.../slim/sbom.json: the image step and the SlimSbom step read it.
/// </summary>
public sealed class SlimCollectSbom : SlimTask
{
    /// <summary>The project's name: the SBOM's metadata.component and its file name (&lt;App&gt;.cdx.json).</summary>
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>obj/project.assets.json ($(ProjectAssetsFile)); missing before any restore (SLIM7040).</summary>
    public string AssetsFile { get; set; } = "";
    /// <summary>net10.0: the assets file's target.</summary>
    public string TargetFramework { get; set; } = "";
    /// <summary>linux-x64: the assets file's target; empty for a RID-less restore.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The project's Version, the SBOM's metadata.component.version (0.0.0 when empty).</summary>
    public string AppVersion { get; set; } = "";
    /// <summary>$(IsPackable): a packable project's purl is pkg:nuget/$(PackageId)@$(Version), another's pkg:generic/&lt;project&gt;@$(Version).</summary>
    public bool IsPackable { get; set; }
    /// <summary>$(PackageId).</summary>
    public string PackageId { get; set; } = "";
    /// <summary>The final publish folder: a package or pack ships when its files are there.</summary>
    public string PublishDirectory { get; set; } = "";
    /// <summary>obj/.../slim/own-files.txt when the publish folder is shared: only these files are this project's.</summary>
    public string OwnFilesList { get; set; } = "";
    /// <summary>The app's executable name ($(AssemblyName)): the app host a host pack ships.</summary>
    public string AppAssembly { get; set; } = "";
    /// <summary>$(PublishAot): the packages' and runtime's code is compiled into one executable.</summary>
    public bool NativeAot { get; set; }
    /// <summary>ILC's size map (obj/.../native/&lt;App&gt;.mstat): which assemblies the executable holds.</summary>
    public string MstatFile { get; set; } = "";
    /// <summary>Where sbom.json goes (obj/.../slim/sbom.json).</summary>
    [Required] public string RequestFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) =>
        SbomRequestFile.Save(RequestFile, SbomInputs.Request(new SbomApp(ProjectName, AppVersion, IsPackable, PackageId), AssetsFile, TargetFramework, RuntimeIdentifier,
            SbomInputs.Published(PublishDirectory, OwnFilesList, AppAssembly, NativeAot, MstatFile,
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(RequestFile))!, "mstat-assemblies.json")), ImageEpoch.FromEnvironment().Time, diagnostics));
}
