using System.Text.Json;

namespace Slim.Build.Tasks.Budgets;

/// <summary>What a baseline needs from an earlier report.json: its publish total and whose report it is.</summary>
internal sealed record BaselineFigures(long PublishTotal, string ProjectName);

/// <summary>
/// Reads a baseline from an earlier report.json. Budgets read the file's JSON themselves rather than
/// through Report/, which reads budgets: the folders stay acyclic.
/// </summary>
internal static class BaselineReader
{
    public static BaselineFigures Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var total = doc.RootElement.GetProperty("totals").GetProperty("publishBytes").GetInt64();
        var project = doc.RootElement.TryGetProperty("project", out var p) && p.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
        return new BaselineFigures(total, project);
    }
}
