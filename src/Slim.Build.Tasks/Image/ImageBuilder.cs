using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Puts the image together: the base (assembled from what the needs list, an OCI layout on disk, or scratch),
/// the publish folder in layers that cache, the config from container.json (over the base's), and the
/// archive, all written reproducibly.
/// </summary>
internal static class ImageBuilder
{
    public const string Auto = BaseReference.Auto;
    public const string Scratch = BaseReference.Scratch;
    private const string BaseNameLabel = "org.opencontainers.image.base.name";

    /// <returns>Null after reporting why no image could be made.</returns>
    public static ImageSection? Build(ImageRequest request, IDiagnostics diagnostics)
    {
        // A cache is a cache: a cached layer blob found damaged while it is copied is thrown away and made again;
        // the same file damaged twice, or a blob the cache does not own (a base's), fails naming the file.
        var discarded = new HashSet<string>(StringComparer.Ordinal);
        while (true)
            try
            {
                return BuildOnce(request, diagnostics);
            }
            catch (SlimException damaged) when (damaged.Diagnostic == SlimDiagnostics.ArchiveBlobDamaged && damaged.Args[0] is string file
                && discarded.Add(file) && LayerCache.TryDiscard(file, Path.Combine(request.WorkDirectory, "layers"), request.MachineLayerCache))
            {
                diagnostics.Notice(SlimDiagnostics.CachedLayerRemade, damaged.Args);
            }
    }

    private static ImageSection? BuildOnce(ImageRequest request, IDiagnostics diagnostics)
    {
        if (!ImagePlatform.TryFromRuntimeIdentifier(request.RuntimeIdentifier, out var platform))
        {
            diagnostics.Error(SlimDiagnostics.ImageNeedsLinuxRid, request.RuntimeIdentifier);
            return null;
        }
        var reference = BaseSources.Choose(request, diagnostics);
        var entrypoint = request.Container.Spec.Entrypoint;
        var baseRequest = new BaseRequest(reference, platform, request.RuntimeIdentifier, request.Needs,
            ShippedElfFiles(request.PublishDirectory, request.OwnFilesList, request.RuntimeIdentifier),
            Framework: request.Container.Project.Profile == SizeProfile.Framework,
            request.Container.Project.ProjectName,
            RuntimeConfig: Path.Combine(request.PublishDirectory, request.Container.Project.AppName + ".runtimeconfig.json"),
            RunsDotnet: entrypoint.Count > 0 && entrypoint[0].Split('/')[^1] == "dotnet",
            request.PruneRuntimePieces, request.MachineLayerCache, request.WorkDirectory, request.CacheDirectory, request.InsecureRegistries) {
                Cancellation = request.Cancellation, Packages = request.Packages, NuGetPackageRoot = request.NuGetPackageRoot,
                AppNamesCertificateStore = request.Container.Spec.Environment.Any(e => e.Name is "SSL_CERT_FILE" or "SSL_CERT_DIR"),
            };
        if (BaseSources.For(reference, request.BaseSource).Resolve(baseRequest, diagnostics) is not { } baseImage)
            return null;

        var planned = new List<PlannedLayer>(baseImage.Planned);
        var leftOut = AppLayers.OtherPlatformFiles(request.PublishDirectory, request.OwnFilesList, request.RuntimeIdentifier, baseRequest.RuntimeConfig);
        if (leftOut.Count > 0)
            diagnostics.Info($"Slim: the image leaves out {leftOut.Count} file(s) ({Files.ByteSize.Human(leftOut.Sum(f => new FileInfo(Path.Combine(request.PublishDirectory, f)).Length))}) "
                + $"under runtimes/ for platforms other than {request.RuntimeIdentifier}: its host never loads them (the publish folder keeps them)");
        planned.AddRange(AppLayers.Plan(request.PublishDirectory, request.Origins, request.Container.Spec.WorkingDirectory, request.OwnFilesList, leftOut));
        var sbom = request.Sbom is { } sbomRequest ? ImageSbom.AddTo(planned, sbomRequest, baseImage.Packages, baseImage.OsRelease, request.Container.Spec.WorkingDirectory) : null;

        var cache = new LayerCache(Path.Combine(request.WorkDirectory, "layers"), new LayerWriter(request.Epoch, gzipProgram: Files.GzipProcessStream.FindProgram(), cancellation: request.Cancellation), request.MachineLayerCache);
        // One layer after the other: each is compressed on every core already (ParallelGzipStream).
        var blobs = planned.Select(p => cache.Write(p.Entries, request.Epoch.Rfc3339, p.MachineWide, p.KeptPerUser)).ToArray();
        var layers = baseImage.Layers.Select(b => new ImageLayer(b, "base", FromBase: true))
            .Concat(planned.Select((p, i) => new ImageLayer(blobs[i], "slim: " + p.Holds))).ToList();
        var holds = baseImage.Layers.Select(_ => baseImage.LayerHolds).Concat(planned.Select(p => p.Holds)).ToList();
        var spec = request.Container.Spec;
        var baseName = baseImage.Name;
        // container.json's labels name the Dockerfile's base; this image has its own, or none to name.
        var labels = BaseConfigMerge.Merge(baseImage.Labels,
            [.. spec.Labels.Where(l => l.Name != BaseNameLabel || baseName is not null).Select(l => l.Name == BaseNameLabel ? l with { Value = baseName! } : l)]);
        var environment = BaseConfigMerge.Merge(baseImage.Environment, spec.Environment);
        var config = new ImageConfig(platform, spec.Entrypoint, spec.User, spec.WorkingDirectory, null, environment, spec.Ports, labels, baseImage.History);
        var annotations = new ManifestAnnotations(BaseName: baseName, BaseDigest: baseImage.ManifestDigest,
            Source: spec.Labels.FirstOrDefault(l => l.Name == "org.opencontainers.image.source")?.Value, Revision: request.Revision);
        var documents = ImageDocuments.Create(config, layers, annotations, request.Epoch);
        // The push step sends these very bytes; the layers it finds in the layer cache.
        IO.AtomicFile.WriteAllTextIfChanged(Path.Combine(request.WorkDirectory, Registry.PushableImage.ManifestFile), System.Text.Encoding.UTF8.GetString(documents.Manifest));
        IO.AtomicFile.WriteAllTextIfChanged(Path.Combine(request.WorkDirectory, Registry.PushableImage.ConfigFile), System.Text.Encoding.UTF8.GetString(documents.Config));
        var names = request.Previous is { } previous && previous.Digest == documents.ManifestDigest && previous.Archive == request.ArchivePath
                    && previous.Format == request.Format.ToLowerInvariant() && File.Exists(request.ArchivePath)
                    && previous.Names.SequenceEqual(request.Names.Take(previous.Names.Count)) && previous.Names.Count > 0
            ? previous.Names
            : Writer(request).Write(documents, request.Names, request.ArchivePath).Names;
        // The other format's archive beside it is an earlier publish's image, not this one.
        if (Path.GetFileName(request.ArchivePath) == ImageArchiveNames.For(request.Format))
            File.Delete(Path.Combine(Path.GetDirectoryName(request.ArchivePath)!, ImageArchiveNames.Other(request.Format)));

        if (sbom is not null && request.SbomFile is { } sbomFile)
            IO.AtomicFile.WriteAllTextIfChanged(sbomFile, System.Text.Encoding.UTF8.GetString(sbom));
        var summaries = layers.Select((l, i) => new LayerSummary(l.Blob.Digest, l.Blob.DiffId, l.Blob.Size, l.Blob.UncompressedSize, holds[i])).ToList();
        return new ImageSection(request.ArchivePath, request.Format.ToLowerInvariant(), documents.ManifestDigest, names, baseImage.Summary,
            summaries, summaries.Sum(l => l.WireBytes), summaries.Sum(l => l.UnpackedBytes), baseImage.Packages)
        {
            Sbom = sbom is null ? null : request.SbomFile,
            Inputs = reference.Kind == BaseKind.Scratch || reference.Kind == BaseKind.Auto && request.BaseSource.Equals(BaseSources.Packages, StringComparison.OrdinalIgnoreCase)
                ? InputsOf(request, planned, blobs, sbom is null ? null : request.SbomFile)
                : null,
        };
    }

    /// <summary>The files the layers were made from, the CA folders the package base chose from, and what was written.</summary>
    private static ImageInputs InputsOf(ImageRequest request, IEnumerable<PlannedLayer> planned, IEnumerable<LayerBlob> blobs, string? sbomFile)
    {
        var caFolders = request.Packages?.CaCertificates is { } ca
            ? (ca.MachineAnchors ? CaCertificateSetting.MachineAnchorFolders : []).Concat(ca.Paths)
            : CaCertificateSetting.MachineAnchorFolders;
        var publish = Path.GetFullPath(request.PublishDirectory).TrimEnd('/') + "/";
        var machineFiles = planned.SelectMany(p => p.Entries).Select(e => e.SourceFile).OfType<string>()
            .Where(f => !Path.GetFullPath(f).StartsWith(publish, StringComparison.Ordinal)).ToList();
        var watched = ImageStamp.WithFolders(machineFiles).Concat(ImageStamp.Trees(caFolders));
        string[] written = [request.ArchivePath, Path.Combine(request.WorkDirectory, Registry.PushableImage.ManifestFile),
            Path.Combine(request.WorkDirectory, Registry.PushableImage.ConfigFile), .. blobs.Select(b => b.Path), .. sbomFile is null ? [] : new[] { sbomFile }];
        return new ImageInputs([.. watched.Distinct(StringComparer.Ordinal)], written);
    }

    private static IImageArchiveWriter Writer(ImageRequest request) =>
        request.Format.Equals("docker", StringComparison.OrdinalIgnoreCase) ? new DockerArchiveWriter(request.Epoch) : new OciArchiveWriter(request.Epoch);

    /// <summary>The ELF files the image's platform loads: another RID's runtimes/&lt;rid&gt;/ assets (a RID-less publish ships them all) never are.</summary>
    private static IReadOnlyList<(string File, ElfFile Elf)> ShippedElfFiles(string publishDirectory, string? ownFilesList, string runtimeIdentifier) =>
        [.. Files.PublishFolder.RelativeFiles(publishDirectory, ownFilesList)
            .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Files.RuntimeAssetFolders.IsForOtherPlatform(f, runtimeIdentifier))
            .Select(f => (File: f, Elf: ElfFile.TryRead(Path.Combine(publishDirectory, f))))
            .Where(s => s.Elf is not null).Select(s => (s.File, s.Elf!))];
}
