using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Container;

/// <summary>container.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ContainerDescription))]
internal sealed partial class ContainerStateJson : JsonSerializerContext;
