using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Pipeline;

/// <summary>
/// Which file each published path was copied from last time (obj/.../slim/published-sources.txt). The SDK copies a
/// file only when its source is newer than the copy in the publish folder; when a setting points a path back at an
/// older file (a SlimStripExclude added after a strip, UPX turned off), the newer stripped or packed copy would stay.
/// </summary>
internal static class PublishedSources
{
    /// <summary>Saves <paramref name="current"/> and returns the paths whose source changed since the last save.</summary>
    /// <param name="current">Relative path ('/' separators) to the full path of the file the SDK copies there.</param>
    public static IReadOnlyList<string> Update(string stateFile, IReadOnlyDictionary<string, string> current)
    {
        var previous = Load(stateFile);
        var changed = current.Where(p => previous.TryGetValue(p.Key, out var source) && source != p.Value)
            .Select(p => p.Key).OrderBy(p => p, StringComparer.Ordinal).ToList();
        AtomicFile.WriteAllTextIfChanged(stateFile,
            string.Concat(current.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}\n")));
        return changed;
    }

    /// <summary>A missing or damaged file knows no path: nothing is taken for changed.</summary>
    private static Dictionary<string, string> Load(string stateFile)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(stateFile))
            return sources;
        foreach (var line in File.ReadAllLines(stateFile))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
                sources[line[..tab]] = line[(tab + 1)..];
        }
        return sources;
    }
}
