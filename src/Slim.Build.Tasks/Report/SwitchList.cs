namespace Slim.Build.Tasks.Report;

/// <summary>
/// Reads the switches Slim set from the Name=Value specs MSBuild hands over. A spec may hold several pairs joined by
/// ';' (a list rebuilt by a property function comes back escaped and arrives as one item): each pair is one switch,
/// and a name is never empty nor carries a separator.
/// </summary>
internal static class SwitchList
{
    public static IReadOnlyList<SwitchSetting> Parse(IEnumerable<string> specs) =>
        [.. specs.SelectMany(spec => spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair[0].Length > 0)
            .Select(pair => new SwitchSetting(pair[0], pair.Length > 1 ? pair[1] : ""))
            .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
}
