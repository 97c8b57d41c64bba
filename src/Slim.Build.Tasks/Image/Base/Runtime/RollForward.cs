namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>The runtimeconfig.json's rollForward values (case-insensitive there).</summary>
internal enum RollForwardPolicy { Disable, LatestPatch, Minor, LatestMinor, Major, LatestMajor }

/// <summary>
/// Picks, among the installed versions of a framework, the one the .NET host would run the app on
/// (docs/design/features/framework-version-resolution.md in dotnet/runtime): versions below the reference
/// never; then the policy picks a major.minor (Minor, the default: the reference's own, else the lowest
/// higher minor of the same major; Major: the same, else the lowest higher major; LatestMinor/LatestMajor:
/// the highest), and the highest patch of it (the lowest when applyPatches is false). A release reference
/// considers pre-releases only when no release fits.
/// </summary>
internal static class RollForward
{
    public static RollForwardPolicy? ParsePolicy(string? text) =>
        Enum.TryParse<RollForwardPolicy>(text?.Trim(), ignoreCase: true, out var policy) && Enum.IsDefined(policy) ? policy : null;

    /// <summary>rollForwardOnNoCandidateFx, the setting rollForward replaced: 0 LatestPatch, 1 Minor, 2 Major.</summary>
    public static RollForwardPolicy? FromLegacy(int value) => value switch
    {
        0 => RollForwardPolicy.LatestPatch,
        1 => RollForwardPolicy.Minor,
        2 => RollForwardPolicy.Major,
        _ => null,
    };

    public static FrameworkVersion? Select(FrameworkVersion reference, IEnumerable<FrameworkVersion> installed, RollForwardPolicy policy, bool applyPatches = true)
    {
        var atLeast = installed.Where(v => v.CompareTo(reference) >= 0).Distinct().ToList();
        if (policy == RollForwardPolicy.Disable)
            return atLeast.FirstOrDefault(v => v.CompareTo(reference) == 0);
        if (!reference.IsPreRelease && atLeast.Any(v => !v.IsPreRelease))
            atLeast = atLeast.Where(v => !v.IsPreRelease).ToList();

        var sameMajor = atLeast.Where(v => v.Major == reference.Major).ToList();
        var sameMinor = sameMajor.Where(v => v.Minor == reference.Minor).ToList();
        var group = policy switch
        {
            RollForwardPolicy.LatestPatch => sameMinor,
            RollForwardPolicy.Minor => sameMinor.Count > 0 ? sameMinor : LowestMinor(sameMajor),
            RollForwardPolicy.Major => sameMinor.Count > 0 ? sameMinor : sameMajor.Count > 0 ? LowestMinor(sameMajor) : LowestMinor(LowestMajor(atLeast)),
            RollForwardPolicy.LatestMinor => HighestMinor(sameMajor),
            _ => HighestMinor(HighestMajor(atLeast)),
        };
        if (group.Count == 0)
            return null;
        return applyPatches ? group.Max() : group.Min();
    }

    private static List<FrameworkVersion> LowestMinor(List<FrameworkVersion> versions) =>
        versions.Count == 0 ? versions : versions.Where(v => v.Minor == versions.Min(x => x.Minor)).ToList();

    private static List<FrameworkVersion> HighestMinor(List<FrameworkVersion> versions) =>
        versions.Count == 0 ? versions : versions.Where(v => v.Minor == versions.Max(x => x.Minor)).ToList();

    private static List<FrameworkVersion> LowestMajor(List<FrameworkVersion> versions) =>
        versions.Count == 0 ? versions : versions.Where(v => v.Major == versions.Min(x => x.Major)).ToList();

    private static List<FrameworkVersion> HighestMajor(List<FrameworkVersion> versions) =>
        versions.Count == 0 ? versions : versions.Where(v => v.Major == versions.Max(x => x.Major)).ToList();
}
