using System.Reflection;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
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
    /// <summary>The compiler's SARIF log, where trim and AOT analysis warnings are counted.</summary>
    public string AnalysisLog { get; set; } = "";
    /// <summary>ILC (NativeAOT) or ILLink (trimmed): the tool whose warnings only the build log has; empty when nothing trims.</summary>
    public string TrimmingTool { get; set; } = "";
    /// <summary>SlimAnalysisWarningsAsErrors: the trimming tool's warnings fail the build.</summary>
    public bool AnalysisWarningsAsErrors { get; set; }
    /// <summary>budgets.json, as SlimValidateSettings parsed the budgets.</summary>
    [Required] public string BudgetsFile { get; set; } = "";
    /// <summary>needs.json from SlimResolveNeeds; missing when the publish did not reach it.</summary>
    public string NeedsFile { get; set; } = "";
    /// <summary>image.json from the image step; missing when SlimImage=false.</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>checks.json from the checklist; missing when no image was checked.</summary>
    public string ChecksFile { get; set; } = "";

    /// <summary>obj/project.assets.json: which package each file and assembly comes from.</summary>
    public string AssetsFile { get; set; } = "";
    /// <summary>The app's assembly name ($(AssemblyName)), the one a NativeAOT executable is named after.</summary>
    public string AppAssembly { get; set; } = "";
    /// <summary>ILC's size map (obj/.../native/&lt;App&gt;.mstat); set only for a NativeAOT publish.</summary>
    public string MstatFile { get; set; } = "";
    /// <summary>container.json, for where the app sits in the image.</summary>
    public string ContainerFile { get; set; } = "";

    /// <summary>False: write the files only, without the console summary and GITHUB_STEP_SUMMARY (the report written again after the push).</summary>
    public bool Announce { get; set; } = true;

    private protected override void Run(IDiagnostics diagnostics)
    {
        var version = typeof(SlimWriteReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        string[] reportFiles = [.. new[] { ReportWriter.JsonFileName, ReportWriter.MarkdownFileName, ReportWriter.HtmlFileName }.Select(f => Path.Combine(ReportDirectory, f))];
        string[] settings = [version, ProjectName, Profile, SizeLevel, TargetFramework, RuntimeIdentifier, PublishDirectory, TrimmingTool, AnalysisWarningsAsErrors.ToString(), .. Switches.Select(s => s.ItemSpec)];
        var budgets = BudgetSettingsFile.Load(BudgetsFile);
        var baselineFile = budgets.Baseline?.Path ?? "";
        // A baseline that is this very report.json (the previous publish's) would change the key on every publish.
        var baselineInput = Path.GetFullPath(baselineFile == "" ? reportFiles[0] : baselineFile) == Path.GetFullPath(reportFiles[0]) ? "" : baselineFile;
        var key = ReportState.InputsKey(PublishDirectory, LedgerDirectory, settings, [AnalysisLog, BudgetsFile, NeedsFile, ImageFile, ChecksFile, AssetsFile, MstatFile, baselineInput], OwnFilesList);
        var state = new ReportState(Path.Combine(StateDirectory, "report.state"));

        SizeReport report;
        if (state.IsCurrent(key, reportFiles))
        {
            report = ReportReader.Read(reportFiles[0]);
            diagnostics.Detail($"Slim: report up to date: {reportFiles[0]}");
        }
        else
        {
            var switches = Switches.Select(s => s.ItemSpec.Split('=', 2)).Select(p => new SwitchSetting(p[0], p.Length > 1 ? p[1] : "")).ToList();
            report = ReportBuilder.Build(PublishDirectory, SizeLedger.LoadAll(LedgerDirectory),
                new ToolInfo("Slim", version.Split('+')[0]),
                new ProjectInfo(ProjectName, Profile, SizeLevel, TargetFramework, RuntimeIdentifier),
                switches, RuntimeNeeds.TryLoad(NeedsFile), AnalysisWarningSources.Read(AnalysisLog, TrimmingTool, AnalysisWarningsAsErrors, ProjectAssetsFile.Read(AssetsFile, TargetFramework, RuntimeIdentifier)), budgets, ImageSection.TryLoad(ImageFile),
                Checks.ChecksFile.TryLoad(ChecksFile), new WireSizeCache(Path.Combine(StateDirectory, "wire-sizes.json"), GzipProcessStream.FindProgram()),
                OwnFilesList);
            report = report with { Attribution = AttributionInputs.Build(report, AssetsFile, TargetFramework, RuntimeIdentifier, AppAssembly, MstatFile, ContainerFile, diagnostics) };
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
