using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// The shared libraries the files that ship need, found the dynamic loader's way (see <see cref="LibraryClosure"/>):
/// the DT_NEEDED closure with the interpreter, each named by the published files that need it.
/// </summary>
internal static class NativeNeeds
{
    public static IReadOnlyList<NativeLibraryNeed> Of(IReadOnlyList<ShippedFile> files, IReadOnlyList<string> systemFolders)
    {
        var published = files.GroupBy(f => f.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RelativePath, StringComparer.Ordinal);
        var closure = LibraryClosure.Resolve(files.Select(f => f.Source), systemFolders);
        string Name(string path) => published.TryGetValue(path, out var relative) ? relative : path;
        var resolved = closure.Libraries.Select(l => new NativeLibraryNeed(l.SoName, l.Source == LibrarySource.Shipped,
            l.Source == LibrarySource.Host ? l.Path : null, l.Source == LibrarySource.Host ? l.Size : null, l.NeededBy.Select(Name).ToList()));
        var unresolved = closure.Unresolved.Select(u => new NativeLibraryNeed(u.SoName, false, null, null, u.NeededBy.Select(Name).ToList()));
        return resolved.Concat(unresolved).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
    }
}
