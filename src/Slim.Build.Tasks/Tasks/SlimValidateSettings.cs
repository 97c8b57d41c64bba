using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>Checks profile, switches and budgets before the publish does any work.</summary>
public sealed class SlimValidateSettings : SlimBudgetTask
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
    private protected override void Run(IDiagnostics diagnostics)
    {
        var settings = new PublishSettings(ProjectName, Profile, SizeLevel, BudgetSeverity, PublishAot, PublishTrimmed,
            SelfContained, RuntimeIdentifier, CppCompilerAndLinker, string.IsNullOrEmpty(SlimVersion) ? "x.y.z" : SlimVersion);
        SettingsValidator.Validate(settings, diagnostics, tool => ToolLocator.Find(tool));
        ReadBudgets(diagnostics, warnings: diagnostics);
    }
}
