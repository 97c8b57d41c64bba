using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Trim and AOT analysis warnings (IL2xxx, IL3xxx) the build logged: each is a place the app may break at run
/// time. Read from the compiler's SARIF log, the one documented machine-readable source; ILLink's and ILC's own
/// warnings (those about referenced packages) reach only the build log, and the finding's source text says so and
/// names SlimAnalysisWarningsAsErrors, the gate that fails the build on them (docs/checks.md).
/// </summary>
internal sealed class AnalysisWarningsCheck : IImageCheck
{
    public string Name => "analysis-warnings";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckAnalysisWarnings;

    public CheckFinding Run(ImageCheckContext context)
    {
        var warnings = context.Analysis;
        var evidence = warnings.Items.Select(Evidence).ToList();
        return warnings.Count == 0
            ? CheckFinding.Pass($"No trim or AOT analysis warning (source: {warnings.Source}).")
            : CheckFinding.Fail($"{warnings.Count} trim or AOT analysis warnings (source: {warnings.Source}).", evidence,
                warnings.Count, string.Join(", ", warnings.Items.Select(w => w.Code).Distinct().Take(5)));
    }

    /// <summary>"ILC IL2104 Newtonsoft.Json 13.0.3: Assembly 'Newtonsoft.Json' produced trim warnings. ..."</summary>
    private static string Evidence(AnalysisWarning w)
    {
        var about = w.Package is not null ? $" {w.Package} {w.PackageVersion}" : w.Assembly is not null ? $" {w.Assembly}" : "";
        var at = w.Location is null ? "" : $" at {w.Location}";
        return $"{w.Tool} {w.Code}{about}{at}: {w.Message}";
    }
}
