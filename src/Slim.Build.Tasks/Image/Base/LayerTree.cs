using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// Makes a list of entries a whole tree: each path once (the first entry for it wins), every parent
/// folder present (0755 unless the list gives it another mode), sorted by path as layers are written.
/// </summary>
internal static class LayerTree
{
    public static IReadOnlyList<LayerEntry> Complete(IEnumerable<LayerEntry> entries)
    {
        var byPath = new Dictionary<string, LayerEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
            byPath.TryAdd(entry.Path, entry);
        foreach (var path in byPath.Keys.ToList())
            for (var parent = Parent(path); parent is not null; parent = Parent(parent))
                byPath.TryAdd(parent, LayerEntry.Folder(parent));
        return [.. byPath.Values.OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    private static string? Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : null;
}
