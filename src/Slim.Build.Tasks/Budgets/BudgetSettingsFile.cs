using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Budgets;

/// <summary>
/// budgets.json under obj/.../slim/: the budgets as validation parsed them, so the report checks the
/// same budgets without reading the project files a second time.
/// </summary>
internal static partial class BudgetSettingsFile
{

    public static void Save(string path, BudgetSettings budgets) =>
        AtomicFile.WriteAllTextIfChanged(path, JsonSerializer.Serialize(budgets, BudgetsJson.Default.BudgetSettings));

    /// <summary>No file means no budgets (validation did not run, e.g. SlimReport run alone on a fresh folder).</summary>
    public static BudgetSettings Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), BudgetsJson.Default.BudgetSettings) ?? BudgetSettings.None : BudgetSettings.None;

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(BudgetSettings))]
    private sealed partial class BudgetsJson : JsonSerializerContext;
}
