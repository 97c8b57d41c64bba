namespace Slim.Build.Tasks.Settings;

/// <summary>The project's publish settings as MSBuild evaluated them, and Slim's own choices.</summary>
internal sealed record PublishSettings(
    string ProjectName,
    string Profile,
    string SizeLevel,
    string BudgetSeverity,
    bool PublishAot,
    bool PublishTrimmed,
    bool SelfContained,
    string RuntimeIdentifier,
    string CppCompilerAndLinker,
    string SlimVersion)
{
    /// <summary>SysRoot: a target system root for cross-compiling NativeAOT; its presence says a cross toolchain is set up.</summary>
    public string SysRoot { get; init; } = "";
}
