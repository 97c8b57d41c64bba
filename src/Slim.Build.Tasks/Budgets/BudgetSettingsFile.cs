using System.Text.Json;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Budgets;

/// <summary>
/// budgets.json under obj/.../slim/: the budgets as validation parsed them, so the report checks the
/// same budgets without reading the project files a second time.
/// </summary>
internal static class BudgetSettingsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Save(string path, BudgetSettings budgets) =>
        AtomicFile.WriteAllTextIfChanged(path, JsonSerializer.Serialize(budgets, Json));

    /// <summary>No file means no budgets (validation did not run, e.g. SlimReport run alone on a fresh folder).</summary>
    public static BudgetSettings Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<BudgetSettings>(File.ReadAllText(path), Json) ?? BudgetSettings.None : BudgetSettings.None;
}
