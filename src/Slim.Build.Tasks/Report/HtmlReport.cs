using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// slim/report.html: one self-contained page (inline style and script, no fetches, works from file://)
/// that draws the report: a treemap of the image by layer, origin and file, what each step saved, budgets
/// against their limits, the needs and the checklist. The page embeds report.json's own JSON and its script
/// draws whatever sections that holds; the heading is plain HTML so the name and total read without script.
/// Same report, same bytes: nothing here reads the clock or the machine.
/// </summary>
internal static class HtmlReport
{
    public const string DataElementId = "slim-report";

    public static string Render(SizeReport report, BaselineComparison? baseline = null) =>
        Render(JsonSerializer.SerializeToNode(report, ReportWriter.Json)!.AsObject(), baseline);

    /// <param name="report">report.json as JSON: sections this class does not know are embedded and drawn too.</param>
    public static string Render(JsonObject report, BaselineComparison? baseline)
    {
        var name = Text(Str(report, "project", "name"));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No network: a page opened from a CI artifact must not call out, and draws offline.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        html.Append($"<title>Slim report: {name}</title>\n<style>\n{HtmlAssets.Style}</style>\n</head>\n<body>\n");
        html.Append($"<header>\n<h1 id=\"app-name\">{name}</h1>\n");
        html.Append($"<p id=\"total\" class=\"total\">{Text(Headline(report))}</p>\n");
        html.Append($"<p class=\"sub\">{Text(Subline(report))}</p>\n</header>\n");
        html.Append("<main id=\"sections\"></main>\n");
        var data = new JsonObject { ["report"] = report.DeepClone(), ["baseline"] = JsonSerializer.SerializeToNode(baseline, ReportWriter.Json) };
        html.Append($"<script type=\"application/json\" id=\"{DataElementId}\">{ScriptJson.Serialize(data)}</script>\n");
        html.Append("<script>\n").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The figure a person looks for: the image on the wire when there is one, else the publish folder.</summary>
    public static string Headline(JsonObject report)
    {
        if (Number(report, "image", "wireBytes") is { } wire)
            return $"Image {ByteSize.Human(wire)} on the wire, {ByteSize.Human(Number(report, "image", "unpackedBytes") ?? 0)} unpacked";
        return $"Publish folder {ByteSize.Human(Number(report, "totals", "publishBytes") ?? 0)} in {Number(report, "totals", "fileCount") ?? 0} files";
    }

    private static string Subline(JsonObject report)
    {
        var parts = new List<string> { $"profile {Str(report, "project", "profile")} ({Str(report, "project", "sizeLevel")})", Str(report, "project", "targetFramework") };
        if (Str(report, "project", "runtimeIdentifier") is { Length: > 0 } rid)
            parts.Add(rid);
        parts.Add($"publish folder {ByteSize.Human(Number(report, "totals", "publishBytes") ?? 0)}, {(Number(report, "totals", "plainPublishBytes") is { } plain ? $"plain dotnet publish {ByteSize.Human(plain)}" : "plain dotnet publish not measured" + (Str(report, "totals", "plainPublishNotMeasured") is { Length: > 0 } why ? $" ({why})" : ""))}");
        parts.Add($"{Str(report, "tool", "name")} {Str(report, "tool", "version")}");
        return string.Join(" · ", parts);
    }

    private static string Str(JsonObject report, string section, string field) =>
        report[section] is JsonObject s && s[field] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";

    private static long? Number(JsonObject report, string section, string field) =>
        report[section] is JsonObject s && s[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    private static string Text(string text) => WebUtility.HtmlEncode(text);
}
