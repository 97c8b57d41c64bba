using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Every trim and AOT analysis warning of the build: the compiler analyzers' (SARIF log), ILC's and ILLink's (their
/// kept output), one entry per warning, each warning about a package's assembly named with the package and version.
/// </summary>
internal static class AnalysisWarningSources
{
    /// <param name="sarifPath">The compiler's SARIF log; empty when Slim did not set ErrorLog.</param>
    /// <param name="ilcOutputPath">obj/.../native/&lt;app&gt;.ilc-output.txt; empty unless the publish is NativeAOT.</param>
    /// <param name="illinkOutputPath">obj/.../&lt;app&gt;.illink-output.txt; empty unless the publish is trimmed by ILLink.</param>
    public static AnalysisWarnings Read(string? sarifPath, string? ilcOutputPath, string? illinkOutputPath, ProjectAssets assets)
    {
        var analyzers = SarifWarnings.Read(sarifPath);
        var tools = new[] { (Path: ilcOutputPath, Tool: AnalysisWarning.Ilc), (Path: illinkOutputPath, Tool: AnalysisWarning.ILLink) }
            .Where(t => !string.IsNullOrEmpty(t.Path)).ToList();
        // The trimming compilers analyze the app's own code again: a warning the analyzers already gave at that
        // place counts once.
        var seen = analyzers.Items.Select(w => (w.Code, w.Location)).ToHashSet();
        var fromTools = tools.SelectMany(t => ToolOutputWarnings.Read(t.Path, t.Tool))
            .Where(w => w.Location is null || !seen.Contains((w.Code, w.Location)));
        var items = analyzers.Items.Concat(fromTools).Select(w => WithPackage(w, assets)).ToList();
        var source = string.Concat(new[] { analyzers.Source }.Concat(tools.Select(t =>
            $" and {t.Tool}" + (File.Exists(t.Path) ? $" ({Path.GetFileName(t.Path)})" : " (no output kept)"))));
        return new AnalysisWarnings(items.Count, items, source);
    }

    private static AnalysisWarning WithPackage(AnalysisWarning warning, ProjectAssets assets)
    {
        if (warning.Assembly is null || warning.Package is not null)
            return warning;
        var package = assets.Packages.FirstOrDefault(p => p.Assemblies.Contains(warning.Assembly, StringComparer.OrdinalIgnoreCase));
        return package is null ? warning : warning with { Package = package.Id, PackageVersion = package.Version };
    }
}
