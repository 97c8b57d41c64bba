using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// Reads a base image from an OCI image layout on disk, a folder or a tar archive of one: index.json, down to
/// the manifest for the app's platform, its config, and every layer, each blob verified against its digest,
/// each layer streamed once through <see cref="BaseLayerScanner"/> (hostile entries refused, diffID checked
/// against the config). Nothing of the base is unpacked; its blobs go into the image as they are.
/// </summary>
internal static class OciLayoutBase
{
    /// <summary>Reads the layout at <paramref name="path"/> (folder or archive), taking the image named <paramref name="name"/> or the only one.</summary>
    public static ExternalBase? Read(string path, ImagePlatform platform, string workDirectory, IDiagnostics diagnostics, string? name = null) =>
        Read(new BaseReference(Directory.Exists(path) ? BaseKind.OciLayout : BaseKind.OciArchive, path, Path.GetFullPath(path), name),
            platform, workDirectory, diagnostics);

    /// <param name="workDirectory">obj/.../slim/image/: where an archive is unpacked (its layout files only) and layer scans are kept.</param>
    /// <returns>Null after reporting why the base cannot be used.</returns>
    public static ExternalBase? Read(BaseReference reference, ImagePlatform platform, string workDirectory, IDiagnostics diagnostics)
    {
        var folder = Folder(reference, workDirectory, diagnostics);
        if (folder is null)
            return null;
        var blobs = new LayoutBlobs(folder, reference.Path!, reference.Text, diagnostics);
        var selector = new ManifestSelector(blobs, reference, reference.Path!, diagnostics);

        var index = selector.Parse(File.ReadAllBytes(Path.Combine(folder, "index.json")), "index.json", OciJsonReader.ReadIndex);
        var descriptor = index is null ? null : selector.Select(index, platform);
        if (descriptor is null || blobs.Read(descriptor.Digest, descriptor.Size, "the manifest") is not { } manifestBytes
            || selector.Parse(manifestBytes, "manifest " + descriptor.Digest, OciJsonReader.ReadManifest) is not { } manifest
            || blobs.Read(manifest.Config.Digest, manifest.Config.Size, "the config") is not { } configBytes
            || selector.Parse(configBytes, "config " + manifest.Config.Digest, OciJsonReader.ReadConfig) is not { } config)
            return null;
        if (descriptor.Platform is null && !config.Platform.Matches(platform))
        {
            diagnostics.Error(SlimDiagnostics.BasePlatformMissing, reference.Text, platform.Describe(), config.Platform.Describe());
            return null;
        }
        if (config.DiffIds.Count != manifest.Layers.Count)
        {
            diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, reference.Path!, $"its config lists {config.DiffIds.Count} diff_ids for {manifest.Layers.Count} layers");
            return null;
        }
        return ReadLayers(reference, descriptor.Digest, manifest.Layers, config, blobs, new BaseScanCache(Path.Combine(workDirectory, "base-scans")), diagnostics);
    }

    private static ExternalBase? ReadLayers(BaseReference reference, string manifestDigest, IReadOnlyList<Descriptor> layers,
        OciConfig config, LayoutBlobs blobs, BaseScanCache scans, IDiagnostics diagnostics)
    {
        var scanner = new BaseLayerScanner(reference.Text, diagnostics);
        var read = new List<LayerBlob>();
        var dpkg = new Dictionary<string, string?>(StringComparer.Ordinal);
        var osRelease = new Dictionary<string, string?>(StringComparer.Ordinal);
        Version? libcGlibc = null;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (!BaseLayerScanner.IsSupported(layer.MediaType))
            {
                diagnostics.Error(SlimDiagnostics.BaseLayerMediaTypeUnsupported, reference.Text, layer.Digest, layer.MediaType);
                continue;
            }
            if (blobs.Verified(layer.Digest, layer.Size, "a layer") is not { } blobPath
                || (scans.Get(layer.Digest) ?? scans.Keep(layer.Digest, scanner.Scan(blobPath, layer.Digest))) is not { } scan)
                continue;
            if (scan.DiffId != config.DiffIds[i])
            {
                diagnostics.Error(SlimDiagnostics.BaseLayerDiffIdMismatch, reference.Text, layer.Digest, scan.DiffId, config.DiffIds[i]);
                continue;
            }
            foreach (var (path, text) in scan.DpkgStatus)
                dpkg[path] = text;
            foreach (var (path, text) in scan.OsRelease ?? new Dictionary<string, string?>())
                osRelease[path] = text;
            libcGlibc = scan.Glibc ?? libcGlibc;
            read.Add(new LayerBlob(blobPath, layer.Digest, layer.Size, scan.DiffId, scan.UncompressedSize, scan.ContentSize));
        }
        if (diagnostics.HasErrors)
            return null;
        var packages = Packages(dpkg.Values.OfType<string>());
        var libc6 = packages.FirstOrDefault(p => p.Name == "libc6");
        var glibc = libc6 is null ? libcGlibc : GlibcVersion.FromPackageVersion(libc6.Version) ?? libcGlibc;
        return new ExternalBase(reference.KindName, reference.Text, manifestDigest, read, BaseConfig.From(config),
            [.. packages.Select(p => new BasePackage(p.Name, p.Version, p.Architecture, p.Source, []) { SourceVersion = p.SourceVersion })], glibc)
        {
            OsRelease = BaseLayerScanner.OsReleasePaths.Select(osRelease.GetValueOrDefault).FirstOrDefault(text => text is not null),
        };
    }

    /// <summary>The installed packages of every status file, once each by name.</summary>
    private static List<DebianPackage> Packages(IEnumerable<string> statusFiles) =>
        statusFiles.SelectMany(text => DpkgStatusFile.Parse(new StringReader(text)))
            .Where(p => p.Name.Length > 0 && (p.Field("Status") is null || p.IsInstalled))
            .GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last())
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    private static string? Folder(BaseReference reference, string workDirectory, IDiagnostics diagnostics)
    {
        var path = reference.Path!;
        if (reference.Kind == BaseKind.OciArchive && File.Exists(path))
        {
            try
            {
                path = OciArchiveUnpacker.Unpack(path, workDirectory);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
            {
                diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, reference.Path!, "it is not a tar archive: " + e.Message);
                return null;
            }
        }
        if (!Directory.Exists(path) || !File.Exists(Path.Combine(path, "index.json")))
        {
            diagnostics.Error(SlimDiagnostics.BaseLayoutNotFound, reference.Text, reference.Path!);
            return null;
        }
        if (File.Exists(Path.Combine(path, "oci-layout")) && !File.ReadAllText(Path.Combine(path, "oci-layout"), Encoding.UTF8).Contains("imageLayoutVersion", StringComparison.Ordinal))
        {
            diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, reference.Path!, "its oci-layout file has no imageLayoutVersion");
            return null;
        }
        return path;
    }
}
