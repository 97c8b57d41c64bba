using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>
/// Writes slim/&lt;App&gt;.cdx.json when no image is built (SlimImage=false, or a framework-dependent app):
/// the app's NuGet packages and runtime packs, without a base. With an image, the image step writes it.
/// </summary>
public sealed class SlimWriteSbom : SlimTask
{
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>The slim folder.</summary>
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>obj/project.assets.json ($(ProjectAssetsFile)).</summary>
    public string AssetsFile { get; set; } = "";
    public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The project's Version.</summary>
    public string AppVersion { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var request = SbomInputs.Request(ProjectName, AppVersion, AssetsFile, TargetFramework, RuntimeIdentifier, ImageEpoch.FromEnvironment().Time, diagnostics);
        var path = Path.Combine(OutputDirectory, request.FileName);
        AtomicFile.WriteAllTextIfChanged(path, System.Text.Encoding.UTF8.GetString(CycloneDxWriter.Write(request)));
        diagnostics.Detail($"Slim: SBOM {path}");
    }
}
