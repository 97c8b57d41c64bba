using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>
/// Which folder of src/Slim.Build.Tasks reads which: folder A uses folder B when a .cs file under A
/// has <c>using Slim.Build.Tasks.B;</c> or names <c>Slim.Build.Tasks.B.</c> inline. At depth 1 the same
/// rule as ../shared/acceptance/lib/folder_graph.py; deeper, sub-folders are folders of their own.
/// </summary>
internal static class FolderGraph
{
    private static readonly Regex Reference = new(@"\bSlim\.Build\.Tasks((?:\.[A-Z][A-Za-z0-9]*)+)", RegexOptions.CultureInvariant);
    private static readonly Regex Declaration = new(@"\b(?:class|record|struct|enum|interface)\s+([A-Z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly Regex Word = new(@"\b[A-Z][A-Za-z0-9_]*\b", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> NotCode = ["bin", "obj", "build"];

    /// <summary>The top-level folders' graph: each folder with everything under it.</summary>
    public static SortedDictionary<string, SortedSet<string>> Read(string sourceFolder) => Read(sourceFolder, 1);

    /// <summary>The deepest level any code sits at: Image/Base/Host is 3.</summary>
    public static int Depth(string sourceFolder) => Files(sourceFolder).Select(f => f.Folder.Split('/').Length).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The graph at <paramref name="depth"/>: a folder that deep is a node with everything under it, and a
    /// shallower folder's own files are a node of their own (Image's files, Image/Base, Image/Registry at depth 2).
    /// A node uses another when one of its files names that node's namespace (using or inline), or, for an
    /// enclosing folder (whose namespace C# sees without a using), names a type declared there. The same rule
    /// as ../shared/acceptance/lib/deep_graph.py, at any depth.
    /// </summary>
    public static SortedDictionary<string, SortedSet<string>> Read(string sourceFolder, int depth)
    {
        var texts = Files(sourceFolder).GroupBy(f => string.Join('/', f.Folder.Split('/').Take(depth)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => File.ReadAllText(f.Path)).ToList(), StringComparer.Ordinal);
        var declared = texts.ToDictionary(t => t.Key, t => t.Value.SelectMany(text => Declaration.Matches(text)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (node, files) in texts)
        {
            var uses = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var text in files)
                foreach (Match match in Reference.Matches(text))
                {
                    var parts = match.Groups[1].Value.TrimStart('.').Split('.');
                    var target = Enumerable.Range(1, Math.Min(depth, parts.Length)).Reverse()
                        .Select(n => string.Join('/', parts.Take(n))).FirstOrDefault(texts.ContainsKey);
                    if (target is not null && target != node)
                        uses.Add(target);
                }
            var words = files.SelectMany(text => Word.Matches(text)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var segments = node.Split('/');
            for (var n = 1; n < segments.Length; n++)
            {
                var enclosing = string.Join('/', segments.Take(n));
                if (declared.TryGetValue(enclosing, out var types) && types.Except(declared[node]).Any(words.Contains))
                    uses.Add(enclosing);
            }
            edges[node] = uses;
        }
        return edges;
    }

    /// <summary>Every .cs file below the source folder (not bin/, obj/ or build/) with its folder, "Image/Base"; none at the top.</summary>
    private static IEnumerable<(string Path, string Folder)> Files(string sourceFolder) =>
        Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: f, Folder: System.IO.Path.GetRelativePath(sourceFolder, System.IO.Path.GetDirectoryName(f)!).Replace('\\', '/')))
            .Where(f => f.Folder != "." && !NotCode.Contains(f.Folder.Split('/')[0]));

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
