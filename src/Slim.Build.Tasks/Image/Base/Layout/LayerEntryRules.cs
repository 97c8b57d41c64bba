using System.Formats.Tar;

namespace Slim.Build.Tasks.Image.Base.Layout;

internal enum LayerEntryProblem { None, UnsafePath, LinkEscapes, DeviceFile }

/// <summary>
/// What a base layer may not hold, whoever made it: an absolute path or one with '..' (a tar that writes
/// outside the folder it is unpacked in), a hard link to such a path, a symbolic link whose relative target
/// climbs above the root from where it sits, and device files or pipes. An absolute symlink target is fine:
/// a container resolves it inside its own root (distroless and Debian images are full of them).
/// </summary>
internal static class LayerEntryRules
{
    public static LayerEntryProblem Check(string name, TarEntryType type, string? linkName)
    {
        if (IsUnsafe(name))
            return LayerEntryProblem.UnsafePath;
        switch (type)
        {
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                return LayerEntryProblem.DeviceFile;
            case TarEntryType.HardLink when string.IsNullOrEmpty(linkName) || IsUnsafe(linkName):
                return LayerEntryProblem.LinkEscapes;
            case TarEntryType.SymbolicLink when string.IsNullOrEmpty(linkName) || !linkName.StartsWith('/') && Climbs(Parent(Relative(name)) + linkName):
                return LayerEntryProblem.LinkEscapes;
            default:
                return LayerEntryProblem.None;
        }
    }

    /// <summary>"./usr/lib/" -> "usr/lib/": the entry's path inside the root.</summary>
    public static string Relative(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;

    private static bool IsUnsafe(string name) =>
        name.StartsWith('/') || name.Split('/').Contains("..");

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "" : trimmed[..(slash + 1)];
    }

    /// <summary>Whether walking the path's components from the root ever goes above it.</summary>
    private static bool Climbs(string path)
    {
        var depth = 0;
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (--depth < 0)
                    return true;
            }
            else if (part is not ("" or "."))
                depth++;
        }
        return false;
    }
}
