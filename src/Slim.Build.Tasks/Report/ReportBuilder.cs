using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Report;

/// <summary>Measures the final publish folder once and puts it together with the ledger and the budgets.</summary>
internal static class ReportBuilder
{
    public static SizeReport Build(
        string publishDirectory,
        IReadOnlyList<SizeLedger> ledgers,
        ToolInfo tool,
        ProjectInfo project,
        IReadOnlyList<SwitchSetting> switches,
        RuntimeNeeds? needs,
        AnalysisWarnings warnings,
        BudgetSettings budgets,
        ImageSection? image = null,
        IReadOnlyList<CheckResult>? checks = null,
        WireSizeCache? wireSizes = null,
        string? ownFilesList = null,
        long? measuredPlainPublish = null,
        string? plainPublishNotMeasured = null)
    {
        var origins = ledgers.FirstOrDefault(l => l.Step == LedgerStep.Publish)?.Entries
            .ToDictionary(e => e.Path, e => e.Origin, StringComparer.Ordinal) ?? [];
        var files = Measure(publishDirectory, origins, ownFilesList);
        var steps = ledgers.Where(l => l.Step != LedgerStep.Publish)
            .Select(l => new StepSummary(l.Step, l.BytesSaved, l.Entries)).ToList();
        // What the folder holds plus what Slim took out: files the SDK copies outside ResolvedFileToPublish
        // (a Razor app's static web assets) count too.
        var beforeSteps = files.Sum(f => f.Size) + steps.Sum(s => s.BytesSaved);
        var plain = measuredPlainPublish ?? (switches.Any(CompiledSwitches.ChangesOutput) ? null : beforeSteps);
        var totals = new Totals(files.Sum(f => f.Size), files.Count, (wireSizes ?? new WireSizeCache(null, null)).Total(publishDirectory, files.Select(f => f.Path)), plain)
        {
            BeforeStepsBytes = beforeSteps,
            PlainPublishMeasured = measuredPlainPublish is not null,
            PlainPublishNotMeasured = plain is null && !string.IsNullOrWhiteSpace(plainPublishNotMeasured) ? plainPublishNotMeasured.Trim() : null,
        };
        return new SizeReport(SizeReport.CurrentSchemaVersion, tool, project, publishDirectory, totals, switches, needs, warnings,
            files, steps, BudgetEvaluator.Evaluate(files, budgets, image?.Layers.Select(l => (l.Holds, l.WireBytes, l.UnpackedBytes)).ToList()), checks ?? [], image);
    }

    /// <param name="ownFilesList">obj/.../slim/own-files.txt when several projects publish into one folder (<see cref="PublishFolder"/>).</param>
    public static List<PublishedFile> Measure(string publishDirectory, IReadOnlyDictionary<string, FileOrigin> origins, string? ownFilesList = null)
    {
        return PublishFolder.RelativeFiles(publishDirectory, ownFilesList)
            .Select(path => new PublishedFile(path, new FileInfo(Path.Combine(publishDirectory, path)).Length,
                origins.TryGetValue(path, out var origin) ? origin : FileOrigin.Other))
            .OrderByDescending(f => f.Size).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}
