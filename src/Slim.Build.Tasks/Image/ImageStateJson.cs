using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Image;

/// <summary>image.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageSection))]
internal sealed partial class ImageStateJson : JsonSerializerContext;
