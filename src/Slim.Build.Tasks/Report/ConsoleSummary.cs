using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>The few lines a person reads in the build output: total, top files, what each step saved.</summary>
internal static class ConsoleSummary
{
    public static IReadOnlyList<string> Lines(SizeReport report, string reportPath, string? pagePath = null)
    {
        var t = report.Totals;
        var lines = new List<string>
        {
            $"Slim: {report.Project.Name} ({report.Project.Profile}) publishes {t.FileCount} file(s), {ByteSize.Human(t.PublishBytes)} ({t.PublishBytes:N0} B), {ByteSize.Human(t.GzipBytes)} gzipped; {PlainPublish(t)}",
            "Slim: largest: " + string.Join(", ", report.Files.Take(3).Select(f => $"{f.Path} {ByteSize.Human(f.Size)}")),
            "Slim: saved by step: " + string.Join(", ", report.Steps.Select(s => $"{s.Name.JsonName()} {ByteSize.Human(s.BytesSaved)}")),
        };
        lines.AddRange(UpxSummary.ConsoleLines(report));
        if (report.Switches.Count > 0)
            lines.Add("Slim: switches set: " + string.Join(", ", report.Switches.Select(s => $"{s.Name}={s.Value}")));
        lines.AddRange(NeedsSummary.ConsoleLines(report.Needs));
        lines.AddRange(ImageSummary.ConsoleLines(report.Image));
        if (report.AnalysisWarnings.Count > 0)
            lines.Add($"Slim: {report.AnalysisWarnings.Count} trim/AOT analysis warning(s): the app may break at run time (see the report)");
        lines.Add($"Slim: report: {reportPath}" + (pagePath is null ? "" : $" (to look at: {pagePath})"));
        return lines;
    }

    private static string PlainPublish(Totals t) => t.PlainPublishBytes is { } plain
        ? $"plain publish: {ByteSize.Human(plain)}"
        : $"before Slim's steps: {ByteSize.Human(t.BeforeStepsBytes)} (plain publish not measured{(t.PlainPublishNotMeasured is { } why ? ": " + why : "")})";
}
