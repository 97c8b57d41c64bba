using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;

namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// Attributes every byte of the publish folder, and of the image, to its origin: the app, a NuGet package, a
/// runtime pack, the base's Debian packages. Files carry the origin the publish plan gave them (the ledger);
/// a NuGet package or runtime pack is named from the assets file; a NativeAOT executable is split by assembly.
/// </summary>
internal static class AttributionBuilder
{
    /// <param name="files">The final publish folder, measured, with each file's origin.</param>
    /// <param name="executable">The NativeAOT executable split by assembly; null for other profiles.</param>
    /// <param name="imageFiles">Each layer's files (from <see cref="LayerListing"/>), by layer digest; null when no image.</param>
    /// <param name="workingDirectory">Where the publish folder sits in the image ("/app").</param>
    public static AttributionSection Build(IReadOnlyList<PublishedFile> files, PackageIndex index, ExecutableSplit? executable,
        ImageSection? image, IReadOnlyDictionary<string, List<LayerFile>>? imageFiles, string workingDirectory)
    {
        var publish = new Dictionary<OriginKey, (long Bytes, List<string> Files)>();
        foreach (var file in files)
            AddFile(publish, file.Path, file.Size, file, index, executable);

        List<OriginBytes>? imageOrigins = null;
        if (image is not null && imageFiles is not null)
        {
            var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var debianFiles = image.Packages.SelectMany(p => p.Files.Select(f => (Path: f.TrimStart('/'), Key: new OriginKey(OriginKey.BasePackage, p.Name, p.Version))))
                .GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
            var appFolder = workingDirectory.Trim('/') + "/";
            var sbomPath = image.Sbom is null ? null : appFolder + Path.GetFileName(image.Sbom);
            var groups = new Dictionary<OriginKey, (long Bytes, List<string> Files)>();
            foreach (var layer in image.Layers)
                foreach (var file in imageFiles.GetValueOrDefault(layer.Digest) ?? [])
                {
                    if (file.Path == sbomPath)
                        Add(groups, OriginKey.Of(OriginKey.Sbom), file.Bytes, file.Path);
                    else if (file.Path.StartsWith(appFolder, StringComparison.Ordinal) && byPath.TryGetValue(file.Path[appFolder.Length..], out var published))
                        AddFile(groups, file.Path, file.Bytes, published, index, executable);
                    else if (debianFiles.TryGetValue(file.Path, out var package))
                        Add(groups, package, file.Bytes, file.Path);
                    else
                        Add(groups, OriginKey.Of(layer.Holds.StartsWith("base", StringComparison.Ordinal) ? OriginKey.Base : OriginKey.Other), file.Bytes, file.Path);
                }
            imageOrigins = Sorted(groups);
        }

        return new AttributionSection(Sorted(publish), imageOrigins, executable,
            MultipleVersions(index, image), TrimmedAway(files, index, executable));
    }

    private static void AddFile(Dictionary<OriginKey, (long Bytes, List<string> Files)> groups, string path, long bytes, PublishedFile file,
        PackageIndex index, ExecutableSplit? executable)
    {
        if (executable is not null && file.Path == executable.Path && bytes == executable.Bytes)
        {
            foreach (var assembly in executable.Assemblies)
                Add(groups, new OriginKey(assembly.Kind, assembly.Name, assembly.Version), assembly.Bytes, $"{path} ({assembly.Assembly})");
            Add(groups, index.NativeRuntime(), executable.NativeBytes, $"{path} (native runtime)");
            return;
        }
        Add(groups, Origin(file, index), bytes, path);
    }

    private static OriginKey Origin(PublishedFile file, PackageIndex index)
    {
        var name = file.Path.Split('/')[^1];
        return file.Origin switch
        {
            FileOrigin.Package => index.PackageOfFile(name) ?? new OriginKey(OriginKey.NuGetPackage, "unknown package", null),
            FileOrigin.Runtime => index.PackOfFile(name) ?? new OriginKey(OriginKey.RuntimePack, "runtime pack", null),
            FileOrigin.Content => OriginKey.Of(OriginKey.Content),
            FileOrigin.App => OriginKey.Of(OriginKey.App),
            _ => OriginKey.Of(OriginKey.Other),
        };
    }

    private static void Add(Dictionary<OriginKey, (long Bytes, List<string> Files)> groups, OriginKey key, long bytes, string file)
    {
        if (!groups.TryGetValue(key, out var group))
            groups[key] = group = (0, []);
        group.Files.Add(file);
        groups[key] = (group.Bytes + bytes, group.Files);
    }

    private static List<OriginBytes> Sorted(Dictionary<OriginKey, (long Bytes, List<string> Files)> groups) =>
        groups.Select(g => new OriginBytes(g.Key.Kind, g.Key.Name, g.Key.Version, g.Value.Bytes, g.Value.Files.Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(o => o.Bytes).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A package named in more than one version, or a NuGet package whose assemblies a runtime pack carries too
    /// (the SDK then ships only one copy, but the package is still restored and listed).
    /// </summary>
    private static List<PackageVersions> MultipleVersions(PackageIndex index, ImageSection? image)
    {
        var named = index.Assets.Packages.Select(p => (Name: p.Id, p.Version))
            .Concat(index.Assets.Packs.Select(p => (Name: p.Id, p.Version)))
            .Concat(image?.Packages.Select(p => (p.Name, p.Version)) ?? []);
        var result = named.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.Version).Distinct().Count() > 1)
            .Select(g => new PackageVersions(g.Key, g.Select(p => p.Version).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
        foreach (var package in index.Assets.Packages)
        {
            var packs = package.Assemblies.Select(a => index.PackOfFile(a + ".dll")).OfType<OriginKey>().Distinct().ToList();
            if (packs.Count > 0)
                result.Add(new PackageVersions(package.Id, [package.Version, .. packs.Select(p => $"{p.Version} ({p.Name})")]));
        }
        return result.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Packages with assemblies of which none reached the output: none in the publish folder, none in the executable.</summary>
    private static List<PackageIdentity> TrimmedAway(IReadOnlyList<PublishedFile> files, PackageIndex index, ExecutableSplit? executable)
    {
        var published = files.Select(f => f.Path.Split('/')[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var compiled = executable?.Assemblies.Select(a => a.Assembly).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return index.Assets.Packages
            .Where(p => p.Assemblies.Any())
            .Where(p => !p.Assemblies.Any(a => published.Contains(a + ".dll") || compiled.Contains(a)))
            .Select(p => new PackageIdentity(p.Id, p.Version))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
