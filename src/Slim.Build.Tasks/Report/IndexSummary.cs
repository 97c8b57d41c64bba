using System.Text;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;

namespace Slim.Build.Tasks.Report;

/// <summary>The image index as people read it: one console line (every platform, then each image budget's largest platform) and report.md.</summary>
internal static class IndexSummary
{
    public static string ConsoleLine(IndexReport report)
    {
        var platforms = report.Platforms.Select(p => $"{p.Platform} {ByteSize.Human(p.WireBytes)} ({ByteSize.Human(p.UnpackedBytes)} unpacked)");
        return $"Slim: image index {report.Index.Archive} ({report.Index.Digest}): {string.Join(", ", platforms)}"
            + string.Concat(report.Budgets.Select(b => "; " + Budget(b)));
    }

    /// <example>largest linux/amd64 49.67 MB of the 60 MB budget (SlimMaxImageSize)</example>
    public static string Budget(IndexBudget budget) =>
        $"largest{(budget.Kind == BudgetKind.ImageUnpacked ? " unpacked" : "")} {budget.LargestPlatform} {ByteSize.Human(budget.LargestBytes)} "
        + $"{(budget.Passed ? "of" : "over")} the {ByteSize.Human(budget.LimitBytes)} budget ({budget.Name})";

    /// <param name="images">Each platform's image as its publish recorded it, in the report's order: its layers table and packages.</param>
    public static string Markdown(IndexReport report, IReadOnlyList<ImageSection> images)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Slim size report: {report.Project}, image index of {report.Platforms.Count} platform(s)");
        md.AppendLine();
        md.AppendLine($"`{report.Index.Digest}` in `{report.Index.Archive}`; names: {string.Join(", ", report.Index.Names.Select(n => $"`{n}`"))}");
        md.AppendLine();
        md.AppendLine("| Platform | RID | Manifest | Wire | Unpacked | Layers |");
        md.AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var p in report.Platforms)
            md.AppendLine($"| {p.Platform} | {p.RuntimeIdentifier} | `{p.ManifestDigest[..Math.Min(p.ManifestDigest.Length, 19)]}` | {ByteSize.Human(p.WireBytes)} | {ByteSize.Human(p.UnpackedBytes)} | {p.Layers.Count} |");
        md.AppendLine();
        if (report.Budgets.Count > 0)
        {
            md.AppendLine("### Budgets (the largest platform decides)");
            md.AppendLine();
            md.AppendLine("| budget | limit | largest platform | actual | result |");
            md.AppendLine("|---|---:|---|---:|---|");
            foreach (var b in report.Budgets)
                md.AppendLine($"| {b.Name} | {ByteSize.Human(b.LimitBytes)} | {b.LargestPlatform} | {ByteSize.Human(b.LargestBytes)} | {(b.Passed ? "ok" : "**over**")} |");
            md.AppendLine();
        }
        foreach (var (platform, image) in report.Platforms.Zip(images))
        {
            md.AppendLine($"## {platform.Platform} ({platform.RuntimeIdentifier})");
            md.AppendLine();
            if (platform.Report is { } full)
            {
                md.AppendLine($"Full report: `{full}`");
                md.AppendLine();
            }
            ImageSummary.AppendMarkdown(md, image);
            NeedsSummary.AppendMarkdown(md, platform.Needs);
        }
        return md.ToString();
    }
}
