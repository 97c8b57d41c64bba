using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// /usr/share/zoneinfo as the host has it: its regular files (<see cref="HostNeedFiles.TimeZones"/>) copied,
/// and its aliases (US/Eastern -> ../America/New_York, GB -> Europe/London) recreated as the same
/// relative symbolic links. A link is a header in the layer, not a second copy of the zone's bytes, and
/// .NET reads a zone through it as through a file. A link that leaves the folder (localtime ->
/// /etc/localtime) or points at nothing is left out: nothing in the base could resolve it.
/// </summary>
internal static class ZoneInfoEntries
{
    public const string ImageFolder = "usr/share/zoneinfo";

    public static (IReadOnlyList<PlacedFile> Files, IReadOnlyList<LayerEntry> Links) Read(string folder = HostNeedFiles.ZoneInfo)
    {
        var lookup = HostNeedFiles.TimeZones(folder);
        var files = lookup.Files
            .Select(f => new PlacedFile(ImageFolder + "/" + f.Name.Replace('\\', '/'), f.Path, f.RealPath, f.Size, Executable: false))
            .ToList();
        if (!Directory.Exists(folder))
            return (files, []);

        var root = Path.GetFullPath(folder);
        var links = new List<LayerEntry>();
        foreach (var link in Links(new DirectoryInfo(root)))
        {
            var target = link.LinkTarget!;
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.FullName)!, target));
            if (!resolved.StartsWith(root + "/", StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                continue;
            // Relative as on the host, so the link means the same wherever the layer is unpacked.
            var relative = Path.GetRelativePath(Path.GetDirectoryName(link.FullName)!, resolved);
            links.Add(LayerEntry.Link(ImageFolder + "/" + Path.GetRelativePath(root, link.FullName).Replace('\\', '/'), relative.Replace('\\', '/')));
        }
        return (files, [.. links.OrderBy(l => l.Path, StringComparer.Ordinal)]);
    }

    /// <summary>Every link under <paramref name="folder"/>, without descending into linked folders.</summary>
    private static IEnumerable<FileSystemInfo> Links(DirectoryInfo folder)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
                yield return entry;
            else if (entry is DirectoryInfo child)
                foreach (var inner in Links(child))
                    yield return inner;
        }
    }
}
