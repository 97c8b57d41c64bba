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
/// <param name="PlainPublishBytes">
/// What a plain <c>dotnet publish</c> of the project, without Slim, ships: the size of the plain publish Slim made
/// beside its own (SlimMeasurePlainPublish), or <see cref="BeforeStepsBytes"/> when Slim set no switch that changes
/// what the SDK compiles or copies; null when neither is known (the measurement turned off).
/// </param>
internal sealed record Totals(long PublishBytes, int FileCount, long GzipBytes, long? PlainPublishBytes)
{
    /// <summary>What the SDK published with Slim's switches, before Slim's steps (symbols, prune, strip, UPX) took anything out.</summary>
    public long BeforeStepsBytes { get; init; }

    /// <summary>True when <see cref="PlainPublishBytes"/> comes from a plain publish Slim really made.</summary>
    public bool PlainPublishMeasured { get; init; }

    /// <summary>Why <see cref="PlainPublishBytes"/> is null, when Slim was told not to measure it ("SlimMeasurePlainPublish=false", a CI build).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? PlainPublishNotMeasured { get; init; }
}

/// <summary>An MSBuild property Slim set because the project had not.</summary>
internal sealed record SwitchSetting(string Name, string Value);


internal sealed record StepSummary(LedgerStep Name, long BytesSaved, IReadOnlyList<LedgerEntry> Files);
