namespace Slim.Build.Tasks.Needs;

/// <summary>
/// Whether the app runs with invariant globalization, who decided, and the calls that asked for cultures.
/// Slim only chooses where the project did not: invariant when no code of the app or its projects asks
/// for a named culture (the .NET AOT templates' choice), globalization kept (and ICU a need) when some
/// does, unless SlimSizeLevel=aggressive trades that behaviour for size.
/// </summary>
internal sealed record GlobalizationDecision(bool Invariant, string DecidedBy, string Reason, IReadOnlyList<NeedEvidence> CultureCalls)
{
    public const string ByProject = "project";
    public const string BySlim = "slim";

    /// <param name="projectValue">InvariantGlobalization as the project set it, empty when it did not.</param>
    public static GlobalizationDecision Decide(string projectValue, bool aggressive, IReadOnlyList<NeedEvidence> cultureCalls)
    {
        if (!string.IsNullOrWhiteSpace(projectValue))
        {
            var invariant = projectValue.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            return new(invariant, ByProject, $"the project sets InvariantGlobalization={projectValue.Trim()}", cultureCalls);
        }
        if (cultureCalls.Count == 0)
            return new(true, BySlim, "no code of the app or its projects asks for a named culture or sorts strings the culture-aware way", cultureCalls);
        if (aggressive)
            return new(true, BySlim, $"SlimSizeLevel=aggressive, although {cultureCalls[0]}", cultureCalls);
        return new(false, BySlim, $"{cultureCalls[0]}: invariant mode would change what the app does", cultureCalls);
    }
}
