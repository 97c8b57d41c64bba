using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Analysis;

/// <summary>analysis-warnings.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnalysisWarnings))]
internal sealed partial class AnalysisStateJson : JsonSerializerContext;
