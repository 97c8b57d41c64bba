using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Every trim and AOT analysis warning of the build: the compiler analyzers' (SARIF log) and ILC's (its kept
/// output), one entry per warning, each warning about a package's assembly named with the package and version.
/// </summary>
internal static class AnalysisWarningSources
{
    /// <param name="sarifPath">The compiler's SARIF log; empty when Slim did not set ErrorLog.</param>
    /// <param name="ilcOutputPath">obj/.../native/&lt;app&gt;.ilc-output.txt; empty unless the publish is NativeAOT.</param>
    public static AnalysisWarnings Read(string? sarifPath, string? ilcOutputPath, ProjectAssets assets)
    {
        var analyzers = SarifWarnings.Read(sarifPath);
        var ilc = IlcOutputWarnings.Read(ilcOutputPath);
        // ILC analyzes the app's own code again: a warning the analyzers already gave at that place counts once.
        var seen = analyzers.Items.Select(w => (w.Code, w.Location)).ToHashSet();
        var items = analyzers.Items.Concat(ilc.Where(w => w.Location is null || !seen.Contains((w.Code, w.Location))))
            .Select(w => WithPackage(w, assets)).ToList();
        var source = string.IsNullOrEmpty(ilcOutputPath) ? analyzers.Source
            : analyzers.Source + " and ILC" + (File.Exists(ilcOutputPath) ? $" ({Path.GetFileName(ilcOutputPath)})" : " (no output kept)");
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
