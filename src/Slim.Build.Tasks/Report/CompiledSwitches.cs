namespace Slim.Build.Tasks.Report;

/// <summary>Which of the switches Slim set make the SDK's own publish differ from a plain one.</summary>
internal static class CompiledSwitches
{
    /// <summary>ILC's size map: written beside the executable, which comes out byte for byte the same (docs/attribution.md).</summary>
    private static readonly HashSet<string> SameOutput = new(StringComparer.OrdinalIgnoreCase) { "IlcGenerateMstatFile" };

    /// <summary>Every other switch changes what ILC or ILLink emit, the runtimeconfig.json, or which files the SDK copies.</summary>
    public static bool ChangesOutput(SwitchSetting setting) => !SameOutput.Contains(setting.Name);
}
