using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>
/// Reads the trim and AOT analysis warnings once, from the compiler's SARIF log, each named with the package that
/// brings its assembly, into obj/.../slim/analysis-warnings.json: the checklist and the report both read that file.
/// </summary>
public sealed class SlimReadAnalysisWarnings : SlimTask
{
    /// <summary>The compiler's SARIF log (obj/slim-analysis.sarif); missing when nothing was compiled with Slim's ErrorLog.</summary>
    public string AnalysisLog { get; set; } = "";
    /// <summary>ILC (NativeAOT) or ILLink (trimmed): the tool whose warnings only the build log has; empty when nothing trims.</summary>
    public string TrimmingTool { get; set; } = "";
    /// <summary>SlimAnalysisWarningsAsErrors: the trimming tool's warnings fail the build.</summary>
    public bool AnalysisWarningsAsErrors { get; set; }
    /// <summary>obj/project.assets.json: which package a warned-about assembly comes from.</summary>
    public string AssetsFile { get; set; } = "";
    /// <summary>net10.0: the assets file's target.</summary>
    public string TargetFramework { get; set; } = "";
    /// <summary>linux-x64: the assets file's target; empty for a RID-less restore.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>Where analysis-warnings.json goes (obj/.../slim/analysis-warnings.json).</summary>
    [Required] public string WarningsFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (SarifWarnings.WhyUnreadable(AnalysisLog) is { } reason)
        {
            // Removed, it is an output CoreCompile lacks (CustomAdditionalCompileOutputs): the next build compiles again and writes it whole.
            diagnostics.Warning(SlimDiagnostics.AnalysisLogUnreadable, AnalysisLog, reason);
            File.Delete(AnalysisLog);
        }
        var assets = ProjectAssets.ReadIfRestored(AssetsFile, TargetFramework, RuntimeIdentifier);
        var warnings = AnalysisWarningSources.Read(AnalysisLog, TrimmingTool, AnalysisWarningsAsErrors, assets);
        AnalysisWarningsFile.Save(WarningsFile, warnings);
        diagnostics.Detail($"Slim: {warnings.Count} analysis warning(s) ({WarningsFile})");
    }
}
