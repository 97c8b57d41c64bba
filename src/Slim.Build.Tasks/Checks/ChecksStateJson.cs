using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Checks;

/// <summary>checks.json's, the checks' state file's and the ELF layer facts' metadata, generated at compile time (<see cref="IO.StateFile"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<CheckResult>))]
[JsonSerializable(typeof(List<CheckResult>))]
[JsonSerializable(typeof(ChecksState.Recorded))]
[JsonSerializable(typeof(List<ImageElfFiles.LayerElf>))]
internal sealed partial class ChecksStateJson : JsonSerializerContext;
