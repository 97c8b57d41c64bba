namespace Slim.Build.Tasks.Checks;

/// <summary>
/// What one check found: nothing wrong (<see cref="Problem"/> null), or a problem with the arguments of its
/// diagnostic's message. Evidence is kept either way: what passed is as worth seeing as what failed.
/// </summary>
internal sealed record CheckFinding(string Summary, IReadOnlyList<string> Evidence, object[]? Problem = null)
{
    public static CheckFinding Pass(string summary, IEnumerable<string>? evidence = null) => new(summary, [.. evidence ?? []]);

    public static CheckFinding Fail(string summary, IEnumerable<string> evidence, params object[] messageArgs) => new(summary, [.. evidence], messageArgs);
}
