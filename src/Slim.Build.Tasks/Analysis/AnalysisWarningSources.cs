using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Every trim and AOT analysis warning of the build that has a documented machine-readable source: the compiler
/// analyzers' SARIF log. ILLink and ILC print theirs (the ones about referenced packages included) only to the
/// build log, with no documented option that writes them to a file; the source text says so, and names the
/// gate that does see them (SlimAnalysisWarningsAsErrors).
/// </summary>
internal static class AnalysisWarningSources
{
    /// <param name="sarifPath">The compiler's SARIF log; empty when Slim did not set ErrorLog.</param>
    /// <param name="trimmingTool">"ILC" for NativeAOT, "ILLink" for a trimmed publish, empty when nothing trims.</param>
    /// <param name="toolWarningsAreErrors">SlimAnalysisWarningsAsErrors: the trimming tool's warnings fail the build.</param>
    public static AnalysisWarnings Read(string? sarifPath, string? trimmingTool, bool toolWarningsAreErrors, ProjectAssets assets)
    {
        var analyzers = SarifWarnings.Read(sarifPath);
        var items = analyzers.Items.Select(w => WithPackage(w, assets)).ToList();
        return new AnalysisWarnings(items.Count, items, analyzers.Source + TrimmingToolNote(trimmingTool, toolWarningsAreErrors));
    }

    private static string TrimmingToolNote(string? tool, bool areErrors) =>
        string.IsNullOrEmpty(tool) ? ""
        : areErrors ? $"; {tool}'s warnings fail the build (SlimAnalysisWarningsAsErrors=true)"
        : $"; {tool}'s warnings are in the build log only (it writes them to no file), not counted here: SlimAnalysisWarningsAsErrors=true makes them fail the build";

    private static AnalysisWarning WithPackage(AnalysisWarning warning, ProjectAssets assets)
    {
        if (warning.Assembly is null || warning.Package is not null)
            return warning;
        var package = assets.Packages.FirstOrDefault(p => p.Assemblies.Contains(warning.Assembly, StringComparer.OrdinalIgnoreCase));
        return package is null ? warning : warning with { Package = package.Id, PackageVersion = package.Version };
    }
}
