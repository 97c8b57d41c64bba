using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Report;

/// <summary>Writes report.json (for CI) and report.md (for people and job summaries) side by side.</summary>
internal static class ReportWriter
{
    public const string JsonFileName = "report.json";
    public const string MarkdownFileName = "report.md";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(SizeReport report, string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, JsonFileName), JsonSerializer.Serialize(report, Json) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, MarkdownFileName), MarkdownReport.Render(report));
    }
}
