using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Needs;

/// <summary>needs.json's and app-scan.json's metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuntimeNeeds))]
[JsonSerializable(typeof(AppScan))]
internal sealed partial class NeedsStateJson : JsonSerializerContext;
