namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// What a layer holds, in the order it is written: sorted by path (ordinal, so a folder comes before what
/// it holds), with every parent folder present (0755 when not given). A path given twice is an error, not
/// "last wins": two sources for one path in one layer is a bug in whoever planned the layer, and a silent
/// winner would hide it. So is a path under a file or a symlink, and a path with "..", "." or "//".
/// </summary>
internal static class LayerContents
{
    public static IReadOnlyList<LayerEntry> Complete(IEnumerable<LayerEntry> entries)
    {
        var byPath = new Dictionary<string, LayerEntry>(StringComparer.Ordinal);
        foreach (var given in entries)
        {
            var entry = given with { Path = LayerEntry.Normalize(given.Path) };
            Validate(entry);
            if (!byPath.TryAdd(entry.Path, entry))
                throw new ArgumentException($"The layer lists '{entry.Path}' twice ({Describe(byPath[entry.Path])}, then {Describe(entry)}); each path may appear once in a layer.");
        }

        foreach (var path in byPath.Keys.ToList())
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                var parent = path[..slash];
                if (!byPath.TryGetValue(parent, out var existing))
                    byPath[parent] = LayerEntry.Folder(parent);
                else if (existing.Kind != LayerEntryKind.Directory)
                    throw new ArgumentException($"The layer puts '{path}' under '{parent}', which it lists as a {existing.Kind.ToString().ToLowerInvariant()}, not a folder.");
            }

        return byPath.Values.OrderBy(entry => entry.Path, StringComparer.Ordinal).ToList();
    }

    private static void Validate(LayerEntry entry)
    {
        if (entry.Path.Length == 0 || entry.Path.Split('/').Any(part => part is "" or "." or ".."))
            throw new ArgumentException($"'{entry.Path}' is not a layer path: use '/'-separated names below the root, without '.', '..' or empty parts.");
        if (entry.Mode is < 0 or > 0xFFF)
            throw new ArgumentException($"'{entry.Path}' has mode {Convert.ToString(entry.Mode, 8)}, which is not a permission mode (0 to 07777).");
        var complete = entry.Kind switch
        {
            LayerEntryKind.File => (entry.SourceFile is null) != (entry.Content is null),
            LayerEntryKind.Symlink => !string.IsNullOrEmpty(entry.LinkTarget),
            _ => true,
        };
        if (!complete)
            throw new ArgumentException($"'{entry.Path}' needs exactly one source: a file needs SourceFile or Content, a symlink a LinkTarget.");
    }

    private static string Describe(LayerEntry entry) => entry.Kind switch
    {
        LayerEntryKind.File => entry.SourceFile is { } source ? $"the file {source}" : $"{entry.Content!.Length} bytes of content",
        LayerEntryKind.Symlink => $"a symlink to {entry.LinkTarget}",
        _ => "a folder",
    };
}
