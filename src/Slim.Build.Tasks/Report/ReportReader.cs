using System.Text.Json;
using Slim.Build.Tasks.Budgets;

namespace Slim.Build.Tasks.Report;

/// <summary>Reads back what later steps and later publishes need from a report.json.</summary>
internal static class ReportReader
{
    public static SizeReport Read(string path) =>
        JsonSerializer.Deserialize<SizeReport>(File.ReadAllText(path), ReportWriter.Json)
        ?? throw new JsonException("the file is empty");

    /// <summary>The publish total of an earlier report, for SlimBaselineFile.</summary>
    public static long ReadPublishTotal(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("totals").GetProperty("publishBytes").GetInt64();
    }
}
