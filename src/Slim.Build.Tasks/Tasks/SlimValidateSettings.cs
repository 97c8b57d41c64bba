using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>Checks profile, switches and budgets before the publish does any work.</summary>
public sealed class SlimValidateSettings : SlimTask
{
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>aot, trimmed or framework.</summary>
    public string Profile { get; set; } = "";
    /// <summary>safe or aggressive.</summary>
    public string SizeLevel { get; set; } = "safe";
    /// <summary>error or warning.</summary>
    public string BudgetSeverity { get; set; } = "error";
    public bool PublishAot { get; set; }
    public bool PublishTrimmed { get; set; }
    public bool SelfContained { get; set; }
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The NativeAOT linker the project asked for, if any (CppCompilerAndLinker).</summary>
    public string CppCompilerAndLinker { get; set; } = "";
    /// <summary>The Slim version, quoted in messages that suggest the SDK form.</summary>
    public string SlimVersion { get; set; } = "";
    /// <summary>Sizes such as 16MB or 12MiB; empty means no budget.</summary>
    public string MaxPublishSize { get; set; } = "";
    public string MaxFileSize { get; set; } = "";
    /// <summary>SlimBudget items: Include (or Files metadata) is a glob in the publish folder, Max a size.</summary>
    public ITaskItem[] Budgets { get; set; } = [];
    /// <summary>Project files whose SlimBudget elements with a wildcard Include are read as written (csproj, Directory.Build.props/targets).</summary>
    public ITaskItem[] BudgetSources { get; set; } = [];
    public string BaselineFile { get; set; } = "";
    /// <summary>A size (200KB) or a percentage (5%).</summary>
    public string MaxGrowth { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var settings = new PublishSettings(ProjectName, Profile, SizeLevel, BudgetSeverity, PublishAot, PublishTrimmed,
            SelfContained, RuntimeIdentifier, CppCompilerAndLinker, string.IsNullOrEmpty(SlimVersion) ? "x.y.z" : SlimVersion);
        SettingsValidator.Validate(settings, diagnostics, tool => ToolLocator.Find(tool));
        BudgetSettingsParser.Parse(ToRaw(MaxPublishSize, MaxFileSize, Budgets, BudgetSources, BaselineFile, MaxGrowth, diagnostics), diagnostics);
    }

    internal static RawBudgets ToRaw(string maxPublish, string maxFile, ITaskItem[] budgets, ITaskItem[] sources,
        string baseline, string growth, IDiagnostics? diagnostics)
    {
        var evaluated = budgets.Select(b => new EvaluatedBudgetItem(b.ItemSpec, b.GetMetadata("Max"), b.GetMetadata("Files")));
        var patterns = BudgetItemReader.Read(evaluated, sources.Select(s => s.ItemSpec), diagnostics);
        return new(maxPublish, maxFile, patterns, baseline, growth);
    }
}
