using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// report.json's metadata (the single-platform and the index report, and the HTML page's data), generated at compile
/// time so no reflection or emitted code runs in MSBuild's process (issue 29). <see cref="ReportWriter.Json"/> reads it.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SizeReport))]
[JsonSerializable(typeof(IndexReport))]
[JsonSerializable(typeof(BaselineComparison))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ReportJson : JsonSerializerContext;
