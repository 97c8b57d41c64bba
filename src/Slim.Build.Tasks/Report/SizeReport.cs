using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Report;

/// <summary>report.json, schema version 1. New sections are added, never renamed: CI parses this.</summary>
internal sealed record SizeReport(
    int SchemaVersion,
    ToolInfo Tool,
    ProjectInfo Project,
    string PublishDirectory,
    Totals Totals,
    IReadOnlyList<SwitchSetting> Switches,
    // What the app needs at run time and why (needs.json); null when the publish did not reach the needs step.
    RuntimeNeeds? Needs,
    AnalysisWarnings AnalysisWarnings,
    IReadOnlyList<PublishedFile> Files,
    IReadOnlyList<StepSummary> Steps,
    IReadOnlyList<BudgetResult> Budgets,
    // The production checklist's results (checks.json); empty when no image was checked.
    IReadOnlyList<CheckResult> Checks,
    // The image Slim built; null when SlimImage=false.
    ImageSection? Image)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Every byte of the publish folder and the image by origin (app, NuGet package, runtime pack, base package).</summary>
    public Attribution.AttributionSection? Attribution { get; init; }
}

internal sealed record ToolInfo(string Name, string Version);

internal sealed record ProjectInfo(string Name, string Profile, string SizeLevel, string TargetFramework, string RuntimeIdentifier);

/// <param name="PublishBytes">Sum of every file in the publish folder.</param>
/// <param name="GzipBytes">The same files gzipped one by one: about what a registry transfers.</param>
/// <param name="PlainPublishBytes">What a plain publish would have shipped (before Slim's steps).</param>
internal sealed record Totals(long PublishBytes, int FileCount, long GzipBytes, long PlainPublishBytes);

/// <summary>An MSBuild property Slim set because the project had not.</summary>
internal sealed record SwitchSetting(string Name, string Value);


internal sealed record StepSummary(LedgerStep Name, long BytesSaved, IReadOnlyList<LedgerEntry> Files);
