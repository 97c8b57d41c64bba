using System.Text.Json;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>
/// A framework a runtimeconfig.json asks for ("Microsoft.AspNetCore.App", "10.0.0") and how it may roll
/// forward: the framework's own rollForward, else the file's, else Minor; applyPatches likewise, else true.
/// </summary>
internal sealed record FrameworkReference(string Name, FrameworkVersion Version, RollForwardPolicy RollForward, bool ApplyPatches)
{
    /// <summary>The frameworks of runtimeOptions (framework or frameworks); empty for a self-contained app.</summary>
    /// <exception cref="FormatException">A framework entry without a name or with a version that is not one.</exception>
    public static IReadOnlyList<FrameworkReference> Read(string runtimeConfigJson)
    {
        using var document = Files.RuntimeConfigJson.Parse(runtimeConfigJson);
        if (!document.RootElement.TryGetProperty("runtimeOptions", out var options) || options.ValueKind != JsonValueKind.Object)
            return [];
        var policy = Policy(options) ?? RollForwardPolicy.Minor;
        var applyPatches = ReadApplyPatches(options) ?? true;
        var entries = new List<JsonElement>();
        if (options.TryGetProperty("framework", out var single) && single.ValueKind == JsonValueKind.Object)
            entries.Add(single);
        if (options.TryGetProperty("frameworks", out var many) && many.ValueKind == JsonValueKind.Array)
            entries.AddRange(many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object));
        return entries.Select(e =>
        {
            var name = Text(e, "name") ?? throw new FormatException("a framework has no name");
            var version = FrameworkVersion.TryParse(Text(e, "version")) ?? throw new FormatException($"the framework {name} has no version of the form 10.0.0");
            return new FrameworkReference(name, version, Policy(e) ?? policy, ReadApplyPatches(e) ?? applyPatches);
        }).ToList();
    }

    private static RollForwardPolicy? Policy(JsonElement element)
    {
        if (Text(element, "rollForward") is { } text)
            return Runtime.RollForward.ParsePolicy(text) ?? throw new FormatException($"rollForward is '{text}', which is not one of {string.Join(", ", Enum.GetNames<RollForwardPolicy>())}");
        return element.TryGetProperty("rollForwardOnNoCandidateFx", out var legacy) && legacy.TryGetInt32(out var value) ? Runtime.RollForward.FromLegacy(value) : null;
    }

    private static bool? ReadApplyPatches(JsonElement element) =>
        element.TryGetProperty("applyPatches", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
