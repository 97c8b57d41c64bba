using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>
/// Collects what the SBOM describes once per publish, the app and the NuGet packages and runtime packs its assets
/// file lists, into obj/.../slim/sbom.json: the image step and the SlimSbom step read it.
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
    /// <summary>Where sbom.json goes (obj/.../slim/sbom.json).</summary>
    [Required] public string RequestFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) =>
        SbomRequestFile.Save(RequestFile, SbomInputs.Request(ProjectName, AppVersion, AssetsFile, TargetFramework, RuntimeIdentifier,
            ImageEpoch.FromEnvironment().Time, diagnostics));
}
