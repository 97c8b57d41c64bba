using System.Reflection;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>Measures the final publish folder, checks the budgets and writes report.json and report.md.</summary>
public sealed class SlimWriteReport : SlimBudgetTask
{
    [Required] public string PublishDirectory { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>The slim folder beside the publish folder.</summary>
    [Required] public string ReportDirectory { get; set; } = "";
    [Required] public string ProjectName { get; set; } = "";
    public string Profile { get; set; } = "";
    public string SizeLevel { get; set; } = "";
    public string TargetFramework { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>Properties Slim set, as Name=Value pairs.</summary>
    public ITaskItem[] Switches { get; set; } = [];
    /// <summary>The compiler's SARIF log, where trim and AOT analysis warnings are counted.</summary>
    public string AnalysisLog { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var budgets = ReadBudgets(diagnostics, warnings: null);
        if (diagnostics.HasErrors)
            return;
        var switches = Switches.Select(s => s.ItemSpec.Split('=', 2)).Select(p => new SwitchSetting(p[0], p.Length > 1 ? p[1] : "")).ToList();
        var version = typeof(SlimWriteReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var report = ReportBuilder.Build(PublishDirectory, SizeLedger.LoadAll(LedgerDirectory),
            new ToolInfo("Slim", version.Split('+')[0]),
            new ProjectInfo(ProjectName, Profile, SizeLevel, TargetFramework, RuntimeIdentifier),
            switches, SarifWarnings.Read(AnalysisLog), budgets);
        ReportWriter.Write(report, ReportDirectory);

        var markdownPath = Path.Combine(ReportDirectory, ReportWriter.MarkdownFileName);
        foreach (var line in ConsoleSummary.Lines(report, markdownPath))
            diagnostics.Info(line);
        var stepSummary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(stepSummary))
            File.AppendAllText(stepSummary, File.ReadAllText(markdownPath) + "\n");
    }
}
