using System.Text.Json;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Counts trim, AOT and single-file analysis warnings (IL2xxx, IL3xxx) in the compiler's SARIF
/// log: each is a place where the published app may break at run time.
/// </summary>
internal static class SarifWarnings
{
    public static AnalysisWarnings Read(string? sarifPath)
    {
        if (string.IsNullOrEmpty(sarifPath) || !File.Exists(sarifPath))
            return new AnalysisWarnings(0, [], "none (no compiler log)");
        using var doc = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var items = new List<AnalysisWarning>();
        foreach (var run in Array(doc.RootElement, "runs"))
        foreach (var result in Array(run, "results"))
        {
            var code = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
            if (!IsAnalysisCode(code) || Suppressed(result))
                continue;
            var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("text", out var text)
                ? text.GetString() ?? "" : m.ToString();
            items.Add(new AnalysisWarning(code, message, Location(result)));
        }
        return new AnalysisWarnings(items.Count, items, "compiler analyzers (" + Path.GetFileName(sarifPath) + ")");
    }

    /// <summary>
    /// Why the log cannot be read as JSON, or null when it can (or is missing). Two compiles of one project at once
    /// write the same log and can leave it as two documents run together.
    /// </summary>
    public static string? WhyUnreadable(string? sarifPath)
    {
        if (string.IsNullOrEmpty(sarifPath) || !File.Exists(sarifPath))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(sarifPath));
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    public static bool IsAnalysisCode(string code) =>
        code.Length == 6 && code.StartsWith("IL", StringComparison.Ordinal) && (code[2] == '2' || code[2] == '3');

    private static bool Suppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0;

    private static string? Location(JsonElement result)
    {
        foreach (var location in Array(result, "locations"))
            if (location.TryGetProperty("physicalLocation", out var physical)
                && physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
            {
                var line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var l) ? $":{l.GetInt32()}" : "";
                return Path.GetFileName(Uri.UnescapeDataString(uri.GetString() ?? "")) + line;
            }
        return null;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
