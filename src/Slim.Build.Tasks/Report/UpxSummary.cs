using System.Text;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;

namespace Slim.Build.Tasks.Report;

/// <summary>What UPX bought, on disk and on the wire, said plainly: packing shrinks files far more than it shrinks a pull.</summary>
internal static class UpxSummary
{
    public static IReadOnlyList<LedgerEntry> Packed(SizeReport report) =>
        report.Steps.FirstOrDefault(s => s.Name == LedgerStep.Upx)?.Files.Where(f => f.Action == LedgerAction.Packed && f.GzipBefore is not null).ToList() ?? [];

    public static IEnumerable<string> ConsoleLines(SizeReport report)
    {
        var packed = Packed(report);
        foreach (var f in packed)
            yield return $"Slim: upx packed {f.Path}: {ByteSize.Human(f.Before)} -> {ByteSize.Human(f.After)} on disk ({Saved(f.Before, f.After)}), "
                         + $"{ByteSize.Human(f.GzipBefore!.Value)} -> {ByteSize.Human(f.GzipAfter!.Value)} gzipped ({Saved(f.GzipBefore.Value, f.GzipAfter!.Value)})";
        if (packed.Count == 0)
            yield break;
        long disk = packed.Sum(f => f.Before - f.After), diskBefore = packed.Sum(f => f.Before);
        long wire = packed.Sum(f => f.GzipBefore!.Value - f.GzipAfter!.Value), wireBefore = packed.Sum(f => f.GzipBefore!.Value);
        if (2 * wire * diskBefore < disk * wireBefore)
            yield return $"Slim: UPX saves {Percent(disk, diskBefore)} on disk but only {Percent(wire, wireBefore)} on the wire (what a registry transfers); "
                         + "packed code also starts slower and uses more private memory";
    }

    public static void AppendMarkdown(SizeReport report, StringBuilder md)
    {
        var packed = Packed(report);
        if (packed.Count == 0)
            return;
        md.AppendLine("### UPX");
        md.AppendLine();
        md.AppendLine("| file | bytes before | bytes after | gzipped before | gzipped after | disk ratio | wire ratio |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var f in packed)
            md.AppendLine($"| {f.Path} | {f.Before:N0} | {f.After:N0} | {f.GzipBefore:N0} | {f.GzipAfter:N0} | {f.Ratio:0.00} | {f.GzipRatio:0.00} |");
        md.AppendLine();
        md.AppendLine("The wire ratio is what a registry transfers; packed code starts slower and is private memory in every process.");
        md.AppendLine();
    }

    private static string Saved(long before, long after) => "-" + Percent(before - after, before);

    private static string Percent(long part, long whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0}%";
}
