using System.Globalization;
using System.Text;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>The comparison with the baseline as a report.md section, ready for a pull-request comment.</summary>
internal static class BaselineSummary
{
    private const int TopOrigins = 20;

    public static void AppendMarkdown(StringBuilder md, BaselineComparison? comparison)
    {
        if (comparison is null)
            return;
        md.AppendLine($"### Against the baseline");
        md.AppendLine();
        md.AppendLine($"Baseline: `{Path.GetFileName(comparison.BaselinePath)}`.");
        md.AppendLine();
        md.AppendLine("| | before | after | delta |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var row in comparison.Totals)
            md.AppendLine(Row(row));
        md.AppendLine();
        if (comparison.Origins.Count == 0)
            return;
        md.AppendLine($"| origin | before | after | delta |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var row in comparison.Origins.Take(TopOrigins))
            md.AppendLine(Row(row));
        if (comparison.Origins.Count > TopOrigins)
            md.AppendLine($"| and {comparison.Origins.Count - TopOrigins} more | | | |");
        md.AppendLine();
    }

    private static string Row(BaselineRow row) =>
        $"| {row.Name.Replace("|", "\\|")} | {Size(row.Before)} | {Size(row.After)} | {Delta(row)} |";

    private static string Size(long? bytes) => bytes is { } b ? ByteSize.Human(b) : "—";

    /// <summary>Signed, with exact bytes: a reviewer sees +1.2 KB and whether it is 1,150 or 1,249 B.</summary>
    public static string Delta(BaselineRow row)
    {
        if (row.Delta == 0)
            return "0";
        var sign = row.Delta > 0 ? "+" : "−";
        var abs = Math.Abs(row.Delta);
        var text = abs < 1000 ? $"{sign}{abs} B" : $"{sign}{ByteSize.Human(abs)} ({sign}{abs.ToString("N0", CultureInfo.InvariantCulture)} B)";
        return row.Delta > 0 ? $"**{text}**" : text;
    }
}
