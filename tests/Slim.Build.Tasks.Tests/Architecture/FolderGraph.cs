using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>
/// Which top-level folder of src/Slim.Build.Tasks reads which: folder A uses folder B when a .cs
/// file under A has <c>using Slim.Build.Tasks.B;</c> or names <c>Slim.Build.Tasks.B.</c> inline.
/// The same rule as ../shared/acceptance/lib/folder_graph.py.
/// </summary>
internal static class FolderGraph
{
    private static readonly Regex Reference = new(@"\bSlim\.Build\.Tasks\.([A-Z][A-Za-z0-9]*)", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> NotCode = ["bin", "obj", "build"];

    public static SortedDictionary<string, SortedSet<string>> Read(string sourceFolder)
    {
        var folders = Directory.GetDirectories(sourceFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !NotCode.Contains(name)).ToHashSet(StringComparer.Ordinal);
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var uses = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(sourceFolder, folder), "*.cs", SearchOption.AllDirectories))
                foreach (Match match in Reference.Matches(File.ReadAllText(file)))
                    if (match.Groups[1].Value != folder && folders.Contains(match.Groups[1].Value))
                        uses.Add(match.Groups[1].Value);
            edges[folder] = uses;
        }
        return edges;
    }

    /// <summary>The first cycle found, as a path that ends where it starts (A, B, A); null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        IReadOnlyList<string>? Visit(string node)
        {
            var open = path.IndexOf(node);
            if (open >= 0)
                return [.. path.Skip(open), node];
            if (!done.Add(node))
                return null;
            path.Add(node);
            foreach (var next in edges.TryGetValue(node, out var uses) ? uses : [])
                if (Visit(next) is { } cycle)
                    return cycle;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return edges.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    public static string Describe(IReadOnlyDictionary<string, SortedSet<string>> edges) =>
        string.Join(Environment.NewLine, edges.Where(e => e.Value.Count > 0).Select(e => $"{e.Key} -> {string.Join(", ", e.Value)}"));
}
