using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Files;

/// <summary>The wire-size caches' metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WireSizeCache.KeptSizes))]
internal sealed partial class WireSizeStateJson : JsonSerializerContext;
