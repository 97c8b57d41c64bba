using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Profiles;

/// <summary>Reads SlimProfile as MSBuild passes it, the one place its spelling is known.</summary>
internal static class SizeProfiles
{
    public static readonly IReadOnlyList<SizeProfile> All = Enum.GetValues<SizeProfile>();

    public static bool TryParse(string? text, out SizeProfile profile)
    {
        foreach (var candidate in All)
            if (string.Equals(candidate.JsonName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                profile = candidate;
                return true;
            }
        profile = default;
        return false;
    }

    /// <exception cref="SlimException">SLIM1003 naming SlimProfile and the value.</exception>
    public static SizeProfile Parse(string? text) => TryParse(text, out var profile) ? profile
        : throw new SlimException(SlimDiagnostics.UnknownChoice, "SlimProfile", text ?? "", Names);

    /// <summary>"aot, trimmed, framework", for messages.</summary>
    public static string Names => string.Join(", ", All.Select(p => p.JsonName()));
}
