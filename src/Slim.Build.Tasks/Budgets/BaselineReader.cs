using System.Text.Json;

namespace Slim.Build.Tasks.Budgets;

/// <summary>
/// Reads the one figure a baseline needs from an earlier report.json. Budgets read the file's
/// JSON themselves rather than through Report/, which reads budgets: the folders stay acyclic.
/// </summary>
internal static class BaselineReader
{
    /// <summary>The publish total (totals.publishBytes) of an earlier report, for SlimBaselineFile.</summary>
    public static long ReadPublishTotal(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("totals").GetProperty("publishBytes").GetInt64();
    }
}
