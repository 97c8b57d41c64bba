namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>Depends and Pre-Depends read as package names: "libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0" names libc6 and debconf (the first of alternatives, without version or :any).</summary>
internal static class PackageRelation
{
    public static IReadOnlyList<string> Names(string? field) =>
        field is null ? [] :
        [.. field.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(relation => relation.Split('|')[0].Trim())
            .Select(first => first.Split((char[])[' ', '(', '[', '\n', '\t'], 2)[0].Split(':')[0])
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)];
}
