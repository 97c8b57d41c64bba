using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Report;

/// <summary>What one platform's publish recorded, as the index report reads it: nothing is measured or unpacked again.</summary>
/// <param name="Platform">The platform as the index lists it (arm64 with its variant).</param>
/// <param name="ManifestDigest">The manifest the index lists for it.</param>
/// <param name="Report">That publish's report.json and its path; null when SlimReport=false.</param>
internal sealed record PlatformRecord(
    string RuntimeIdentifier,
    ImagePlatform Platform,
    string ManifestDigest,
    ImageSection Image,
    RuntimeNeeds? Needs,
    (string Path, SizeReport Content)? Report);

/// <summary>Builds the index's report.json from the platforms' records.</summary>
internal static class IndexReportBuilder
{
    private static readonly BudgetKind[] ImageBudgets = [BudgetKind.Image, BudgetKind.ImageUnpacked];

    public static IndexReport Build(ToolInfo tool, string project, IndexSection index, IReadOnlyList<PlatformRecord> platforms)
    {
        var sections = platforms.Select(p => new PlatformSection(p.RuntimeIdentifier, p.Platform.Os, p.Platform.Architecture, p.Platform.Variant,
            p.ManifestDigest, p.Image.WireBytes, p.Image.UnpackedBytes, p.Image.Layers, p.Needs ?? p.Report?.Content.Needs, p.Report?.Path)).ToList();
        return new IndexReport(IndexReport.CurrentSchemaVersion, IndexReport.IndexKind, tool, project, index, sections, Budgets(platforms));
    }

    /// <summary>Each image budget once: the platform with the largest figure decides it; it passes when every platform's does.</summary>
    private static List<IndexBudget> Budgets(IReadOnlyList<PlatformRecord> platforms)
    {
        var checks = platforms
            .SelectMany(p => (p.Report?.Content.Budgets ?? []).Where(b => ImageBudgets.Contains(b.Kind)).Select(b => (Platform: p.Platform.Describe(), Budget: b)))
            .ToList();
        return [.. checks.GroupBy(c => (c.Budget.Kind, c.Budget.Name))
            .OrderBy(g => Array.IndexOf(ImageBudgets, g.Key.Kind))
            .Select(g =>
            {
                var largest = g.MaxBy(c => c.Budget.ActualBytes);
                return new IndexBudget(g.Key.Kind, g.Key.Name, largest.Budget.Limit, largest.Budget.LimitBytes, largest.Platform,
                    largest.Budget.ActualBytes, g.All(c => c.Budget.Passed));
            })];
    }
}
