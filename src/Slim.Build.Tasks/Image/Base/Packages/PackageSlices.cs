using System.Text;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Which of a package's files go into the base (chisel's idea of a slice): from a library package the libraries the
/// closure needs, each with the links that name it; from a data or configuration package its whole payload but
/// documentation, manual and info pages, lintian overrides, bug-report hooks and message translations (a .NET app
/// reads none); from base-files only what names the OS (os-release, debian_version); from ca-certificates the bundle
/// its maintainer script would have made (every certificate it ships, in path order, as update-ca-certificates
/// concatenates them with the default configuration).
/// </summary>
internal static class PackageSlices
{
    public const string CaBundlePath = "etc/ssl/certs/ca-certificates.crt";

    private static readonly string[] LeftOut =
        ["usr/share/doc/", "usr/share/man/", "usr/share/info/", "usr/share/lintian/", "usr/share/bug/", "usr/share/locale/"];

    private static readonly string[] OsReleaseFiles = ["etc/os-release", "usr/lib/os-release", "etc/debian_version"];

    public static bool IsLibraryPackage(string name) => name.StartsWith("lib", StringComparison.Ordinal);

    /// <summary>The entry at <paramref name="path"/> and, when it is a link, what it leads to inside the package.</summary>
    public static IEnumerable<DebEntry> WithLinkTargets(DebContents contents, string path)
    {
        for (var (entry, hops) = (contents.Entry(path), 0); entry is not null && hops < 16; hops++)
        {
            yield return entry;
            entry = entry.Kind == LayerEntryKind.Symlink && entry.ResolvedTarget() is { } target ? contents.Entry(target) : null;
        }
    }

    /// <summary>The library <paramref name="soName"/> where the loader looks for it (lib/&lt;triplet&gt;, usr/lib/&lt;triplet&gt;, lib, usr/lib), with its links; empty when the package has none.</summary>
    public static IReadOnlyList<DebEntry> Library(DebContents contents, string soName, string triplet) =>
        [.. new[] { $"lib/{triplet}/", $"usr/lib/{triplet}/", "lib/", "usr/lib/" }
            .Select(folder => WithLinkTargets(contents, folder + soName).ToList())
            .FirstOrDefault(found => found.Count > 0 && found[^1].Kind == LayerEntryKind.File) ?? []];

    public static IReadOnlyList<DebEntry> Whole(DebContents contents) =>
        [.. contents.Entries.Where(e => e.Kind != LayerEntryKind.Directory && !LeftOut.Any(p => e.Path.StartsWith(p, StringComparison.Ordinal)))];

    public static IReadOnlyList<DebEntry> OsRelease(DebContents contents) =>
        [.. OsReleaseFiles.SelectMany(p => WithLinkTargets(contents, p))];

    /// <summary>The CA bundle from ca-certificates' certificates; null when it ships none.</summary>
    public static LayerEntry? CaBundle(DebContents contents)
    {
        var certificates = contents.Entries
            .Where(e => e.Kind == LayerEntryKind.File && e.Path.StartsWith("usr/share/ca-certificates/", StringComparison.Ordinal) && e.Path.EndsWith(".crt", StringComparison.Ordinal))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        if (certificates.Count == 0)
            return null;
        var bundle = new StringBuilder();
        foreach (var certificate in certificates)
        {
            var text = File.ReadAllText(contents.FileOf(certificate));
            bundle.Append(text);
            if (!text.EndsWith('\n'))
                bundle.Append('\n');
        }
        return LayerEntry.FromText(CaBundlePath, bundle.ToString());
    }

    public static LayerEntry ToLayerEntry(DebContents contents, DebEntry entry) => entry.Kind switch
    {
        LayerEntryKind.Symlink => LayerEntry.Link(entry.Path, entry.LinkTarget!),
        LayerEntryKind.Directory => LayerEntry.Folder(entry.Path, entry.Mode),
        _ => new LayerEntry(LayerEntry.Normalize(entry.Path), LayerEntryKind.File, entry.Mode, SourceFile: contents.FileOf(entry)),
    };
}
