using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>The budget parameters shared by the tasks that check them (validation early, the report late).</summary>
public abstract class SlimBudgetTask : SlimTask
{
    /// <summary>SlimMaxPublishSize: a size such as 16MB or 12MiB; empty means no budget.</summary>
    public string MaxPublishSize { get; set; } = "";
    /// <summary>SlimMaxFileSize: a size; empty means no budget.</summary>
    public string MaxFileSize { get; set; } = "";
    /// <summary>SlimBudget items: Include (or Files metadata) is a glob in the publish folder, Max a size.</summary>
    public ITaskItem[] Budgets { get; set; } = [];
    /// <summary>Project files whose SlimBudget elements with a wildcard Include are read as written (csproj, Directory.Build.props/targets).</summary>
    public ITaskItem[] BudgetSources { get; set; } = [];
    /// <summary>SlimBaselineFile: the report.json of an earlier publish.</summary>
    public string BaselineFile { get; set; } = "";
    /// <summary>SlimMaxGrowth: a size (200KB) or a percentage (5%).</summary>
    public string MaxGrowth { get; set; } = "";

    /// <param name="warnings">Where to warn about budgets Slim cannot read; null where an earlier task already did.</param>
    private protected BudgetSettings ReadBudgets(IDiagnostics diagnostics, IDiagnostics? warnings)
    {
        var evaluated = Budgets.Select(b => new EvaluatedBudgetItem(b.ItemSpec, b.GetMetadata("Max"), b.GetMetadata("Files")));
        var patterns = BudgetItemReader.Read(evaluated, BudgetSources.Select(s => s.ItemSpec), warnings);
        return BudgetSettingsParser.Parse(new RawBudgets(MaxPublishSize, MaxFileSize, patterns, BaselineFile, MaxGrowth), diagnostics);
    }
}
