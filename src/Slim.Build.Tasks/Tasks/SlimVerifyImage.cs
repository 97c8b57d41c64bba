using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks;

/// <summary>
/// Runs the production checklist on the image archive the image step wrote and records each check in
/// obj/.../slim/checks.json for the report; a problem is a warning with the check's code, an error when raised.
/// </summary>
public sealed class SlimVerifyImage : SlimTask
{
    /// <summary>image.json from the image step; empty when no image was built (nothing is checked).</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>needs.json: what the image must provide.</summary>
    public string NeedsFile { get; set; } = "";
    /// <summary>The compiler's SARIF log, where trim and AOT analysis warnings are read.</summary>
    public string AnalysisLog { get; set; } = "";
    /// <summary>ContainerBaseImage, named in the messages (auto, scratch, ...).</summary>
    public string BaseImage { get; set; } = "";
    /// <summary>SlimMaxWastedBytes: a size (20MB, 1MiB, 0); empty for no limit.</summary>
    public string MaxWastedBytes { get; set; } = "";
    /// <summary>SlimChecksAsErrors: true, or codes such as SLIM7003;SLIM7010.</summary>
    public string ChecksAsErrors { get; set; } = "";
    /// <summary>Where checks.json goes; removed when no image was checked.</summary>
    [Required] public string ChecksFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (ImageSection.TryLoad(ImageFile) is not { } section || !File.Exists(section.Archive))
        {
            File.Delete(ChecksFile);
            return;
        }
        long? maxWaste = null;
        if (!string.IsNullOrWhiteSpace(MaxWastedBytes))
            maxWaste = ByteSize.TryParse(MaxWastedBytes, out var size) ? size.Bytes
                : throw new SlimException(SlimDiagnostics.InvalidSize, "SlimMaxWastedBytes", MaxWastedBytes);
        var raise = Checks.ChecksAsErrors.Parse(ChecksAsErrors, ImageChecker.Codes, diagnostics);
        var image = ImageFileSystem.Read(section.Archive);
        var context = new ImageCheckContext(image, ImageElfFiles.Read(image), RuntimeNeeds.TryLoad(NeedsFile),
            SarifWarnings.Read(AnalysisLog), string.IsNullOrWhiteSpace(BaseImage) ? "auto" : BaseImage.Trim(), maxWaste);
        var results = ImageChecker.Run(ImageChecker.All, context, raise, diagnostics).ToList();
        Checks.ChecksFile.Save(ChecksFile, results);
        var problems = results.Count(r => r.Status != CheckStatus.Pass);
        diagnostics.Info($"Slim: checklist: {results.Count - problems} of {results.Count} checks pass ({ChecksFile})");
    }
}
