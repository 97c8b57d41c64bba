using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Attribution;

/// <summary>attribution.json's and mstat-assemblies.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AttributionSection))]
[JsonSerializable(typeof(MstatAssemblies))]
internal sealed partial class AttributionStateJson : JsonSerializerContext;
