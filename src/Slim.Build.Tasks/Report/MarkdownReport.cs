using System.Text;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>report.md: short enough for a CI job summary, complete enough to act on.</summary>
internal static class MarkdownReport
{
    private const int TopFiles = 15;

    public static string Render(SizeReport report, BaselineComparison? baseline = null)
    {
        var md = new StringBuilder();
        var t = report.Totals;
        md.AppendLine($"## Slim size report: {report.Project.Name}");
        md.AppendLine();
        md.AppendLine($"Profile **{report.Project.Profile}** ({report.Project.SizeLevel}), {report.Project.TargetFramework}, {Or(report.Project.RuntimeIdentifier, "no runtime identifier")}.");
        md.AppendLine();
        md.AppendLine("| | bytes | size |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine($"| Publish folder ({t.FileCount} files) | {t.PublishBytes:N0} | {ByteSize.Human(t.PublishBytes)} |");
        md.AppendLine($"| Gzipped (about what a registry transfers) | {t.GzipBytes:N0} | {ByteSize.Human(t.GzipBytes)} |");
        md.AppendLine($"| Before Slim's steps (the SDK's publish with Slim's switches) | {t.BeforeStepsBytes:N0} | {ByteSize.Human(t.BeforeStepsBytes)} |");
        if (t.PlainPublishBytes is { } plain)
            md.AppendLine($"| Plain `dotnet publish`, without Slim{(t.PlainPublishMeasured ? " (measured)" : "")} | {plain:N0} | {ByteSize.Human(plain)} |");
        else
            md.AppendLine($"| Plain `dotnet publish`, without Slim: not measured{(t.PlainPublishNotMeasured is { } why ? $" ({Cell(why)})" : "")} | | |");
        md.AppendLine();

        BaselineSummary.AppendMarkdown(md, baseline);

        if (report.Budgets.Count > 0)
        {
            md.AppendLine("### Budgets");
            md.AppendLine();
            md.AppendLine("| budget | subject | limit | actual | result |");
            md.AppendLine("|---|---|---:|---:|---|");
            foreach (var b in report.Budgets)
                md.AppendLine($"| {b.Name} | {Cell(b.Subject ?? "publish folder")} | {ByteSize.Human(b.LimitBytes)} | {ByteSize.Human(b.ActualBytes)} | {(b.Passed ? "ok" : "**over**")} |");
            md.AppendLine();
        }

        md.AppendLine("### What each step saved");
        md.AppendLine();
        md.AppendLine("| step | files | saved |");
        md.AppendLine("|---|---:|---:|");
        foreach (var step in report.Steps)
            md.AppendLine($"| {step.Name.JsonName()} | {step.Files.Count} | {ByteSize.Human(step.BytesSaved)} |");
        md.AppendLine();

        UpxSummary.AppendMarkdown(report, md);

        md.AppendLine($"### Largest files (of {report.Files.Count})");
        md.AppendLine();
        md.AppendLine("| file | origin | bytes | size |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var f in report.Files.Take(TopFiles))
            md.AppendLine($"| {Cell(f.Path)} | {f.Origin.JsonName()} | {f.Size:N0} | {ByteSize.Human(f.Size)} |");
        md.AppendLine();

        if (report.Switches.Count > 0)
        {
            md.AppendLine("### Switches Slim set");
            md.AppendLine();
            md.AppendLine(string.Join(", ", report.Switches.Select(s => $"`{s.Name}={s.Value}`")));
            md.AppendLine();
        }

        NeedsSummary.AppendMarkdown(md, report.Needs);
        ImageSummary.AppendMarkdown(md, report.Image);
        AttributionSummary.AppendMarkdown(md, report.Attribution);

        var w = report.AnalysisWarnings;
        md.AppendLine($"### Trim and AOT analysis warnings: {w.Count}");
        md.AppendLine();
        md.AppendLine(w.Count == 0
            ? $"None: nothing that may break after trimming (source: {w.Source})."
            : $"Each may break the app at run time (source: {w.Source}):");
        foreach (var item in w.Items.Take(20))
            md.AppendLine($"- `{item.Code}` {(item.Package is null ? "" : $"**{item.Package} {item.PackageVersion}** ")}{Cell(item.Message)}{(item.Location is null ? "" : $" ({item.Location})")} _{item.Tool}_");
        return md.ToString().Replace("\r\n", "\n");
    }

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
    private static string Cell(string text) => text.Replace("|", "\\|");
}
