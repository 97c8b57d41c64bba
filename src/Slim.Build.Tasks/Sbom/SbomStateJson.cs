using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Sbom;

/// <summary>sbom.json's (the SBOM request's) metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SbomRequest))]
internal sealed partial class SbomStateJson : JsonSerializerContext;
