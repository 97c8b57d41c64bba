using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// The shared libraries the files that ship need, found the dynamic loader's way (see <see cref="LibraryClosure"/>):
/// the DT_NEEDED closure with the interpreter, each named by the published files that need it. Files under
/// another platform's runtimes/&lt;rid&gt;/ folder are never loaded, so they need nothing.
/// </summary>
internal static class NativeNeeds
{
    /// <param name="runtimeIdentifier">The platform the app runs on, e.g. "linux-x64"; empty reads every file.</param>
    public static IReadOnlyList<NativeLibraryNeed> Of(IReadOnlyList<ShippedFile> files, IReadOnlyList<string> systemFolders, string runtimeIdentifier = "")
    {
        files = [.. files.Where(f => !RuntimeAssetFolders.IsForOtherPlatform(f.RelativePath, runtimeIdentifier))];
        var published = files.GroupBy(f => f.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RelativePath, StringComparer.Ordinal);
        var closure = LibraryClosure.Resolve(files.Select(f => f.Source), systemFolders);
        string Name(string path) => published.TryGetValue(path, out var relative) ? relative : path;
        var resolved = closure.Libraries.Select(l => new NativeLibraryNeed(l.SoName, l.Source == LibrarySource.Shipped,
            l.Source == LibrarySource.Host ? l.Path : null, l.Source == LibrarySource.Host ? l.Size : null, l.NeededBy.Select(Name).ToList()));
        var unresolved = closure.Unresolved.Select(u => new NativeLibraryNeed(u.SoName, false, null, null, u.NeededBy.Select(Name).ToList()));
        return resolved.Concat(unresolved).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
    }
}
