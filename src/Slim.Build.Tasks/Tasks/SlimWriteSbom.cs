using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>
/// Writes slim/&lt;App&gt;.cdx.json from sbom.json when no image was made (SlimImage=false, or a framework-dependent
/// app): the app's NuGet packages and runtime packs, without a base. With an image, the image step writes it.
/// </summary>
public sealed class SlimWriteSbom : SlimTask
{
    /// <summary>sbom.json from SlimCollectSbom.</summary>
    [Required] public string RequestFile { get; set; } = "";
    /// <summary>The slim folder.</summary>
    [Required] public string OutputDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var request = SbomRequestFile.TryLoad(RequestFile) ?? throw new FileNotFoundException("SlimCollectSbom wrote no SBOM request.", RequestFile);
        var path = Path.Combine(OutputDirectory, request.FileName);
        AtomicFile.WriteAllTextIfChanged(path, System.Text.Encoding.UTF8.GetString(CycloneDxWriter.Write(request)));
        diagnostics.Detail($"Slim: SBOM {path}");
    }
}
