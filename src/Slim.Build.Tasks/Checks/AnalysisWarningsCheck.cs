using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Trim and AOT analysis warnings (IL2xxx, IL3xxx) the build logged: each is a place the app may break at run
/// time. Read from the compiler's SARIF log; what ILLink and ILC report for referenced packages never reaches a
/// file MSBuild targets can read (the README's Checks section says so).
/// </summary>
internal sealed class AnalysisWarningsCheck : IImageCheck
{
    public string Name => "analysis-warnings";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckAnalysisWarnings;

    public CheckFinding Run(ImageCheckContext context)
    {
        var warnings = context.Analysis;
        var evidence = warnings.Items.Select(w => $"{w.Code} {(w.Location is null ? "" : w.Location + ": ")}{w.Message}").ToList();
        return warnings.Count == 0
            ? CheckFinding.Pass($"No trim or AOT analysis warning (source: {warnings.Source}).")
            : CheckFinding.Fail($"{warnings.Count} trim or AOT analysis warnings (source: {warnings.Source}).", evidence,
                warnings.Count, string.Join(", ", warnings.Items.Select(w => w.Code).Distinct().Take(5)));
    }
}
