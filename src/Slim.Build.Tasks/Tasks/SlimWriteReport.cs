using System.Reflection;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>
/// Measures the final publish folder, checks the budgets and writes report.json, report.md and report.html; does
/// nothing but print the summary when nothing changed and the report is still the one it wrote.
/// </summary>
public sealed class SlimWriteReport : SlimTask
{
    [Required] public string PublishDirectory { get; set; } = "";
    /// <summary>obj/.../slim/own-files.txt when several projects publish into one folder (-o out for a solution): only the files it lists are measured. Empty: the whole folder.</summary>
    public string OwnFilesList { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>The slim folder beside the publish folder.</summary>
    [Required] public string ReportDirectory { get; set; } = "";
    /// <summary>obj/.../slim/: where the report's state (what it was made from) is kept.</summary>
    [Required] public string StateDirectory { get; set; } = "";
    [Required] public string ProjectName { get; set; } = "";
    public string Profile { get; set; } = "";
    public string SizeLevel { get; set; } = "";
    public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>Properties Slim set, as Name=Value pairs.</summary>
    public ITaskItem[] Switches { get; set; } = [];
    /// <summary>analysis-warnings.json from SlimReadAnalysisWarnings: the trim and AOT analysis warnings.</summary>
    public string AnalysisWarningsFile { get; set; } = "";
    /// <summary>budgets.json, as SlimValidateSettings parsed the budgets.</summary>
    [Required] public string BudgetsFile { get; set; } = "";
    /// <summary>needs.json from SlimResolveNeeds; missing when the publish did not reach it.</summary>
    public string NeedsFile { get; set; } = "";
    /// <summary>image.json from the image step; missing when SlimImage=false.</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>checks.json from the checklist; missing when no image was checked.</summary>
    public string ChecksFile { get; set; } = "";

    /// <summary>attribution.json from SlimWriteAttribution: every byte by origin; missing when that step did not run.</summary>
    public string AttributionFile { get; set; } = "";

    /// <summary>
    /// The size file (SlimCacheDirectory/plain-publish/&lt;key&gt;.json) of the plain publish SlimMeasurePlainPublish made
    /// from this publish's inputs (no Slim, no switches); its size is report.json's plainPublishBytes. Empty: not measured.
    /// </summary>
    public string PlainPublishSizeFile { get; set; } = "";

    /// <summary>Why no plain publish was measured, when Slim was told not to (SlimMeasurePlainPublish=false, a CI build); the report says it.</summary>
    public string PlainPublishNotMeasured { get; set; } = "";

    /// <summary>False: write the files only, without the console summary and GITHUB_STEP_SUMMARY (the report written again after the push).</summary>
    public bool Announce { get; set; } = true;

    /// <summary>The package's version with its commit (1.2.0+abc123): the report's inputs key holds it whole.</summary>
    internal static string ToolVersion() =>
        typeof(SlimWriteReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var version = ToolVersion();
        string[] reportFiles = [.. new[] { ReportWriter.JsonFileName, ReportWriter.MarkdownFileName, ReportWriter.HtmlFileName }.Select(f => Path.Combine(ReportDirectory, f))];
        var plainPublish = PlainPublishSize.Load(PlainPublishSizeFile);
        string[] settings = [version, ProjectName, Profile, SizeLevel, TargetFramework, RuntimeIdentifier, PublishDirectory, $"plain {plainPublish}", $"not measured {PlainPublishNotMeasured}", .. Switches.Select(s => s.ItemSpec)];
        var budgets = BudgetSettingsFile.Load(BudgetsFile);
        var baselineFile = budgets.Baseline?.Path ?? "";
        // A baseline that is this very report.json (the previous publish's) would change the key on every publish.
        var baselineInput = Path.GetFullPath(baselineFile == "" ? reportFiles[0] : baselineFile) == Path.GetFullPath(reportFiles[0]) ? "" : baselineFile;
        var key = ReportState.InputsKey(PublishDirectory, LedgerDirectory, settings, [AnalysisWarningsFile, BudgetsFile, NeedsFile, ImageFile, ChecksFile, AttributionFile, baselineInput], OwnFilesList);
        var state = new ReportState(Path.Combine(StateDirectory, "report.state"));

        SizeReport report;
        if (state.IsCurrent(key, reportFiles))
        {
            report = ReportReader.Read(reportFiles[0]);
            diagnostics.Detail($"Slim: report up to date: {reportFiles[0]}");
        }
        else
        {
            var switches = SwitchList.Parse(Switches.Select(s => s.ItemSpec));
            report = ReportBuilder.Build(PublishDirectory, SizeLedger.LoadAll(LedgerDirectory),
                new ToolInfo("Slim", version.Split('+')[0]),
                new ProjectInfo(ProjectName, Profile, SizeLevel, TargetFramework, RuntimeIdentifier),
                switches, RuntimeNeeds.TryLoad(NeedsFile), Analysis.AnalysisWarningsFile.Load(AnalysisWarningsFile), budgets, ImageSection.TryLoad(ImageFile),
                Checks.ChecksFile.TryLoad(ChecksFile), new WireSizeCache(Path.Combine(StateDirectory, "wire-sizes.json"), GzipProcessStream.FindProgram(),
                    Image.Layers.LayerCache.UserDirectory() is { } layers ? Path.Combine(Path.GetDirectoryName(layers)!, "wire-sizes.json") : null),
                OwnFilesList, plainPublish, PlainPublishNotMeasured);
            report = report with { Attribution = Attribution.AttributionFile.TryLoad(AttributionFile) };
            ReportWriter.Write(report, ReportDirectory, BaselineComparison.TryRead(baselineFile, report));
            state.Record(key, reportFiles);
            var stepSummary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
            if (Announce && !string.IsNullOrEmpty(stepSummary))
                File.AppendAllText(stepSummary, File.ReadAllText(reportFiles[1]) + "\n");
        }
        if (Announce)
            foreach (var line in ConsoleSummary.Lines(report, reportFiles[1], reportFiles[2]))
                diagnostics.Info(line);
    }
}
