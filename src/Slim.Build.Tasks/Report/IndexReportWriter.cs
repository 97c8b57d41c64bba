using System.Text.Json;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Report;

/// <summary>Writes the index's report.json and report.md into slim/, where a single-platform publish writes its own.</summary>
internal static class IndexReportWriter
{
    public static void Write(IndexReport report, IReadOnlyList<ImageSection> images, string directory)
    {
        AtomicFile.WriteAllTextIfChanged(Path.Combine(directory, ReportWriter.JsonFileName), JsonSerializer.Serialize(report, ReportWriter.Json) + "\n");
        AtomicFile.WriteAllTextIfChanged(Path.Combine(directory, ReportWriter.MarkdownFileName), IndexSummary.Markdown(report, images));
        // The page draws a single-platform report; an earlier single-platform publish's page would show another image than the index.
        File.Delete(Path.Combine(directory, ReportWriter.HtmlFileName));
    }
}
