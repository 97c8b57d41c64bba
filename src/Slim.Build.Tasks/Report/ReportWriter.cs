using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Report;

/// <summary>Writes report.json (for CI), report.md (for job summaries and pull requests) and report.html (for people) side by side.</summary>
internal static class ReportWriter
{
    public const string JsonFileName = "report.json";
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = ReportJson.Default,
    };

    public static void Write(SizeReport report, string directory, BaselineComparison? baseline = null)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, JsonFileName), JsonSerializer.Serialize(report, Json) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, MarkdownFileName), MarkdownReport.Render(report, baseline));
        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFileName), HtmlReport.Render(report, baseline));
    }
}
