namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>A .deb unpacked in the cache: its control stanza, its data entries, and the folder its files' bytes are in.</summary>
internal sealed record DebContents(DebianPackage Control, IReadOnlyList<DebEntry> Entries, string Folder)
{
    private Dictionary<string, DebEntry>? byPath;

    public DebEntry? Entry(string path) =>
        (byPath ??= Entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal)).GetValueOrDefault(path);

    /// <summary>Where a file entry's bytes are on disk.</summary>
    public string FileOf(DebEntry entry) => Path.Combine(Folder, DebUnpacker.FilesFolder, entry.Path);
}
