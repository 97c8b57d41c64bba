using System.Text.Json;

namespace Slim.Build.Tasks.Report;

/// <summary>One row of the comparison with the baseline: a total or one origin, before and after.</summary>
/// <param name="Before">Null when the baseline did not have it (a new package).</param>
/// <param name="After">Null when this publish no longer has it (a package removed).</param>
internal sealed record BaselineRow(string Name, long? Before, long? After)
{
    public long Delta => (After ?? 0) - (Before ?? 0);
}

/// <summary>
/// This publish against the baseline report (SlimBaselineFile), by total and by origin: per package when
/// both reports attribute bytes to packages, else per origin of the ledger (app, package, runtime, content).
/// Both reports are read as JSON, so sections one of them lacks are left out rather than failing.
/// </summary>
internal sealed record BaselineComparison(string BaselinePath, IReadOnlyList<BaselineRow> Totals, IReadOnlyList<BaselineRow> Origins)
{
    public static BaselineComparison? TryRead(string? baselinePath, SizeReport report)
    {
        if (string.IsNullOrEmpty(baselinePath) || !File.Exists(baselinePath))
            return null;
        try
        {
            using var baseline = JsonDocument.Parse(File.ReadAllText(baselinePath));
            using var current = JsonDocument.Parse(JsonSerializer.Serialize(report, ReportWriter.Json));
            return Compare(baselinePath, baseline.RootElement, current.RootElement);
        }
        catch (JsonException)
        {
            // Validation already reported an unreadable baseline (SLIM1007); the report goes on without it.
            return null;
        }
    }

    public static BaselineComparison Compare(string baselinePath, JsonElement baseline, JsonElement current)
    {
        var totals = new List<BaselineRow>();
        AddTotal(totals, "publish folder", baseline, current, "totals", "publishBytes");
        AddTotal(totals, "publish folder gzipped", baseline, current, "totals", "gzipBytes");
        AddTotal(totals, "image on the wire", baseline, current, "image", "wireBytes");
        AddTotal(totals, "image unpacked", baseline, current, "image", "unpackedBytes");

        if (PackageBytes(baseline) is { } packagesBefore && PackageBytes(current) is { } packagesAfter)
            return new BaselineComparison(baselinePath, totals, Rows(packagesBefore, packagesAfter));
        return new BaselineComparison(baselinePath, totals, Rows(LedgerOriginBytes(baseline), LedgerOriginBytes(current)));
    }

    private static void AddTotal(List<BaselineRow> rows, string name, JsonElement baseline, JsonElement current, string section, string field)
    {
        var before = Number(baseline, section, field);
        var after = Number(current, section, field);
        if (before is not null || after is not null)
            rows.Add(new BaselineRow(name, before, after));
    }

    private static long? Number(JsonElement root, string section, string field) =>
        root.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty(field, out var v) && v.TryGetInt64(out var n) ? n : null;

    /// <summary>Largest change first, then by name: the rows a reviewer should read come first.</summary>
    private static List<BaselineRow> Rows(Dictionary<string, long> before, Dictionary<string, long> after) =>
        before.Keys.Union(after.Keys)
            .Select(k => new BaselineRow(k, before.TryGetValue(k, out var b) ? b : null, after.TryGetValue(k, out var a) ? a : null))
            .OrderByDescending(r => Math.Abs(r.Delta)).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, long> LedgerOriginBytes(JsonElement root)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            return sums;
        foreach (var file in files.EnumerateArray())
        {
            var origin = file.TryGetProperty("origin", out var o) ? o.GetString() ?? "other" : "other";
            var size = file.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : 0;
            sums[origin] = sums.GetValueOrDefault(origin) + size;
        }
        return sums;
    }

    /// <summary>attribution.publish: bytes per origin kind and package ("nuget-package Humanizer.Core 2.14.1").</summary>
    private static Dictionary<string, long>? PackageBytes(JsonElement root)
    {
        if (!root.TryGetProperty("attribution", out var attribution) || attribution.ValueKind != JsonValueKind.Object
            || !attribution.TryGetProperty("publish", out var publish) || publish.ValueKind != JsonValueKind.Array)
            return null;
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in publish.EnumerateArray())
        {
            var kind = Text(entry, "kind");
            var name = Text(entry, "name");
            // A version is left out of the key: an upgrade shows as one package that changed size.
            var key = kind == name || name.Length == 0 ? kind : $"{kind} {name}";
            var bytes = entry.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var n) ? n : 0;
            sums[key] = sums.GetValueOrDefault(key) + bytes;
        }
        return sums;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
