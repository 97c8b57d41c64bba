using System.Text.Json;

namespace Slim.Build.Tasks.Report;

/// <summary>Reads back what later steps and later publishes need from a report.json.</summary>
internal static class ReportReader
{
    public static SizeReport Read(string path) =>
        JsonSerializer.Deserialize<SizeReport>(File.ReadAllText(path), ReportWriter.Json)
        ?? throw new JsonException("the file is empty");
}
