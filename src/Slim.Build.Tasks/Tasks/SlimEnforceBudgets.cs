using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>
/// The CI gate: reads the budgets out of report.json and fails the build (or warns) for each one
/// exceeded. Always runs, so an unchanged over-budget publish keeps failing.
/// </summary>
public sealed class SlimEnforceBudgets : SlimTask
{
    [Required] public string ReportFile { get; set; } = "";
    /// <summary>The project the report must be about: a report of another project never passes this gate.</summary>
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>error (default) or warning.</summary>
    public string Severity { get; set; } = "error";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var report = ReportReader.Read(ReportFile);
        if (report.Project.Name != ProjectName)
            throw new SlimException(SlimDiagnostics.ReportOfOtherProject, ReportFile, report.Project.Name, ProjectName);
        foreach (var budget in report.Budgets.Where(b => b.Kind == BudgetKind.Pattern && b.Largest.Count == 0))
            diagnostics.Warning(SlimDiagnostics.PatternMatchesNothing, "SlimBudget", budget.Subject ?? "");
        var asWarning = Severity.Equals("warning", StringComparison.OrdinalIgnoreCase);
        foreach (var budget in report.Budgets.Where(b => !b.Passed))
        {
            var (diagnostic, args) = Describe(budget, report.Totals.PublishBytes);
            if (asWarning) diagnostics.Warning(diagnostic, args);
            else diagnostics.Error(diagnostic, args);
        }
        var over = report.Budgets.Count(b => !b.Passed);
        diagnostics.Info($"Slim: {report.Project.Name}: {ByteSize.Human(report.Totals.PublishBytes)} published; "
                         + (report.Budgets.Count == 0 ? "no budgets set" : $"{report.Budgets.Count - over} of {report.Budgets.Count} budget(s) met")
                         + $"; report: {ReportFile}");
    }

    internal static (SlimDiagnostic Diagnostic, object[] Args) Describe(BudgetResult b, long total)
    {
        var largest = string.Join(", ", b.Largest.Select(f => $"{f.Path} ({ByteSize.Human(f.Size)})"));
        return b.Kind switch
        {
            BudgetKind.Publish => (SlimDiagnostics.BudgetExceeded_Publish, [b.Limit, new ByteSize(b.ActualBytes).ToString(), largest]),
            BudgetKind.File => (SlimDiagnostics.BudgetExceeded_File, [b.Subject ?? "", new ByteSize(b.ActualBytes).ToString(), b.Limit]),
            BudgetKind.Pattern => (SlimDiagnostics.BudgetExceeded_Item, [b.Subject ?? "", new ByteSize(b.ActualBytes).ToString(), b.Limit, largest]),
            BudgetKind.Growth => (SlimDiagnostics.BudgetExceeded_Growth, [new ByteSize(total - b.ActualBytes).ToString(), b.Subject ?? "", new ByteSize(total).ToString(),
                new ByteSize(b.ActualBytes).ToString(), $"{b.Limit} ({ByteSize.Human(b.LimitBytes)})", largest]),
            BudgetKind.Image => (SlimDiagnostics.BudgetExceeded_Image, [b.Limit, new ByteSize(b.ActualBytes).ToString(), largest]),
            BudgetKind.ImageUnpacked => (SlimDiagnostics.BudgetExceeded_ImageUnpacked, [b.Limit, new ByteSize(b.ActualBytes).ToString(), largest]),
            _ => throw new ArgumentOutOfRangeException(nameof(b), b.Kind, "unknown budget kind"),
        };
    }
}
