using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Settings;

/// <summary>settings.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SlimSettings))]
internal sealed partial class SettingsStateJson : JsonSerializerContext;
