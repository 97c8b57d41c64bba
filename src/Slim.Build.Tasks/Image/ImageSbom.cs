using System.Text;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Completes the SBOM with the image's operating system (its /etc/os-release) and the base's Debian packages (with
/// their source packages) and puts it into the app's layer beside the app (/app/&lt;App&gt;.cdx.json), where trivy's
/// image scan finds it: an AOT image has no .deps.json to read.
/// </summary>
internal static class ImageSbom
{
    /// <returns>The SBOM's bytes; the last layer (the app's) gains the file.</returns>
    /// <param name="baseOsRelease">The os-release text of a base taken unchanged (an image layout); Slim's own bases plan theirs.</param>
    public static byte[] AddTo(List<PlannedLayer> planned, SbomRequest sbom, IReadOnlyList<BasePackage> packages, string? baseOsRelease, string workingDirectory)
    {
        // A later layer's file wins, as in the image.
        var entries = planned.SelectMany(l => l.Entries).GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var text = OsReleaseFile(entries) is { } osRelease
            ? osRelease.Content is { } content ? Encoding.UTF8.GetString(content) : File.ReadAllText(osRelease.SourceFile!)
            : baseOsRelease;
        var system = text is null ? null : OsRelease.Parse(text);
        var bytes = CycloneDxWriter.Write(sbom with
        {
            OperatingSystem = system,
            Components = [.. sbom.Components, .. packages.Select(p => SbomComponent.Debian(p.Name, p.Version, p.Architecture, system?.Distro, p.Source, p.SourceVersion))],
        });
        var entry = new LayerEntry(workingDirectory.TrimEnd('/') + "/" + sbom.FileName, LayerEntryKind.File, LayerEntry.Regular, Content: bytes);
        var last = planned[^1];
        planned[^1] = last with { Entries = [.. last.Entries, entry] };
        return bytes;
    }

    /// <summary>etc/os-release, or the file its link names (Debian's base-files links it to ../usr/lib/os-release).</summary>
    private static LayerEntry? OsReleaseFile(IReadOnlyDictionary<string, LayerEntry> entries)
    {
        var entry = entries.GetValueOrDefault("etc/os-release");
        for (var hops = 0; entry is { Kind: LayerEntryKind.Symlink, LinkTarget: { } target } && hops < 8; hops++)
        {
            var path = target.StartsWith('/') ? target : Path.GetDirectoryName("/" + entry.Path)!.Replace('\\', '/') + "/" + target;
            entry = entries.GetValueOrDefault(LayerEntry.Normalize(Path.GetFullPath(path, "/").Replace('\\', '/')));
        }
        return entry is { Kind: LayerEntryKind.File } ? entry : null;
    }
}
