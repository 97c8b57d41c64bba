using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Image.Archive;

/// <summary>The layer facts cache's entry lists' metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<LayerRecord>))]
[JsonSerializable(typeof(IReadOnlyList<LayerRecord>))]
internal sealed partial class LayerFactsJson : JsonSerializerContext;
