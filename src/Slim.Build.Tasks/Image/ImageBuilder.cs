using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Puts the image together: the base (assembled from what the needs list, an OCI layout on disk, or scratch),
/// the publish folder in layers that cache, the config from container.json (over the base's), and the
/// archive, all written reproducibly.
/// </summary>
internal static class ImageBuilder
{
    public const string Auto = "auto";
    public const string Scratch = "scratch";
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
        var reference = BaseReference.Parse(request.BaseImage, request.ProjectDirectory);
        if (reference.Kind == BaseKind.Auto && !AutoBaseSupport.Supported(RuntimeTarget.Parse(request.RuntimeIdentifier)))
        {
            // auto needs a Linux glibc build machine of the app's processor; elsewhere the official base that fits is pulled.
            var official = request.Container.Spec.BaseImage;
            diagnostics.Notice(SlimDiagnostics.AutoBaseReplacedByOfficial, request.RuntimeIdentifier, official);
            reference = new BaseReference(BaseKind.Registry, official);
        }

        var framework = request.Container.Project.Profile.Equals("framework", StringComparison.OrdinalIgnoreCase);
        if (framework && reference.Kind == BaseKind.Scratch)
        {
            diagnostics.Notice(SlimDiagnostics.ImageFrameworkNotYet, request.Container.Project.ProjectName, reference.Text);
            return null;
        }

        var shipped = ShippedElfFiles(request.PublishDirectory, request.RuntimeIdentifier);
        var planned = new List<PlannedLayer>();
        IReadOnlyList<BasePackage> packages = [];
        ExternalBase? external = null;
        SharedRuntime? runtime = null;
        if (reference.Kind == BaseKind.Auto)
        {
            var needs = request.Needs;
            if (framework)
            {
                runtime = PlanRuntime(request, diagnostics);
                if (runtime is null)
                    return null;
                needs = needs with { NativeLibraries = [.. needs.NativeLibraries, .. runtime.HostLibraries] };
            }
            var host = HostBaseBuilder.OfThisMachine(request.MachineLayerCache).Build(needs, RuntimeTarget.Parse(request.RuntimeIdentifier),
                shipped.Select(s => s.Elf.Interpreter).OfType<string>().Distinct().ToList(), diagnostics);
            if (host is null || host.Glibc is { } glibc && !GlibcCheck.Check(shipped, glibc, "auto (this machine)", diagnostics))
                return null;
            planned.Add(new PlannedLayer("base: " + BaseContents(request.Needs), host.Entries, MachineWide: true));
            if (runtime is not null)
                planned.Add(new PlannedLayer(runtime.Holds, runtime.Entries, MachineWide: true));
            packages = host.Packages;
        }
        else if (reference.Kind is BaseKind.OciLayout or BaseKind.OciArchive or BaseKind.Registry)
        {
            external = ReadExternal(reference, platform, request, diagnostics);
            if (external is null || !CheckGlibc(shipped, external, diagnostics))
                return null;
            packages = external.Packages;
        }
        planned.AddRange(AppLayers.Plan(request.PublishDirectory, request.Origins, request.Container.Spec.WorkingDirectory));
        var sbom = request.Sbom is { } sbomRequest ? ImageSbom.AddTo(planned, sbomRequest, packages, request.Container.Spec.WorkingDirectory) : null;

        var cache = new LayerCache(Path.Combine(request.WorkDirectory, "layers"), new LayerWriter(request.Epoch, gzipProgram: Files.GzipProcessStream.FindProgram()), request.MachineLayerCache);
        // One layer after the other: each is compressed on every core already (ParallelGzipStream).
        var blobs = planned.Select(p => cache.Write(p.Entries, request.Epoch.Rfc3339, p.MachineWide)).ToArray();
        var layers = (external?.Layers ?? []).Select(b => new ImageLayer(b, "base", FromBase: true))
            .Concat(planned.Select((p, i) => new ImageLayer(blobs[i], "slim: " + p.Holds))).ToList();
        var holds = (external?.Layers ?? []).Select(_ => "base: " + reference.Text).Concat(planned.Select(p => p.Holds)).ToList();
        var spec = request.Container.Spec;
        var baseName = reference.Kind switch { BaseKind.Auto => "slim:auto", BaseKind.Scratch => Scratch, _ => reference.Text };
        // container.json's labels name the Dockerfile's base; this image has its own.
        var labels = BaseConfigMerge.Merge(external?.Config.Labels ?? [],
            [.. spec.Labels.Select(l => l.Name == BaseNameLabel ? l with { Value = baseName } : l)]);
        var environment = BaseConfigMerge.Merge(external?.Config.Environment ?? runtime?.Environment.Select(e => new NameValue(e.Name, e.Value)).ToList() ?? [],
            spec.Environment);
        var config = new ImageConfig(platform, spec.Entrypoint, spec.User, spec.WorkingDirectory, null, environment, spec.Ports, labels,
            external is null ? null : BaseConfigMerge.History(external));
        var annotations = new ManifestAnnotations(BaseName: baseName, BaseDigest: external?.ManifestDigest,
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

        if (sbom is not null && request.SbomFile is { } sbomFile)
            IO.AtomicFile.WriteAllTextIfChanged(sbomFile, System.Text.Encoding.UTF8.GetString(sbom));
        var summaries = layers.Select((l, i) => new LayerSummary(l.Blob.Digest, l.Blob.DiffId, l.Blob.Size, l.Blob.UncompressedSize, holds[i])).ToList();
        var summary = reference.Kind switch
        {
            BaseKind.Auto => new BaseSummary(Auto, "assembled from this machine's files"
                + (runtime is null ? "" : ", with the shared runtime " + string.Join(", ", runtime.Frameworks)), null),
            BaseKind.Scratch => new BaseSummary(Scratch, Scratch, null),
            _ => new BaseSummary(external!.Kind, external.Reference, external.ManifestDigest),
        };
        return new ImageSection(request.ArchivePath, request.Format.ToLowerInvariant(), documents.ManifestDigest, names, summary,
            summaries, summaries.Sum(l => l.WireBytes), summaries.Sum(l => l.UnpackedBytes), packages) { Sbom = sbom is null ? null : request.SbomFile };
    }

    /// <summary>The app's GLIBC_x.y needs against the external base's glibc; a base with none Slim can see gets a warning, not a guess.</summary>
    private static bool CheckGlibc(IReadOnlyList<(string File, ElfFile Elf)> shipped, ExternalBase external, IDiagnostics diagnostics)
    {
        if (external.Glibc is { } glibc)
            return GlibcCheck.Check(shipped, glibc, external.Reference, diagnostics);
        var needing = shipped.Select(s => (s.File, Newest: s.Elf.GlibcVersions.Select(GlibcVersion.FromSymbolVersion).OfType<Version>().DefaultIfEmpty().Max()))
            .FirstOrDefault(s => s.Newest is not null);
        if (needing.Newest is { } newest)
            diagnostics.Warning(SlimDiagnostics.BaseGlibcUnknown, needing.File, GlibcVersion.Format(newest), external.Reference);
        return true;
    }

    /// <summary>A base on disk is read where it is; a registry image is pulled into the per-user cache as a layout first.</summary>
    private static ExternalBase? ReadExternal(BaseReference reference, ImagePlatform platform, ImageRequest request, IDiagnostics diagnostics)
    {
        if (reference.Kind != BaseKind.Registry)
            return OciLayoutBase.Read(reference, platform, request.WorkDirectory, diagnostics);
        var layout = Registry.RegistryBaseSource.Pull(reference.Text, platform, Registry.RegistryBaseSource.CacheRoot(request.CacheDirectory, Environment.GetEnvironmentVariable),
            Registry.CredentialStore.FromProcess(), request.InsecureRegistries, Registry.SharedHttpClient.Instance, diagnostics);
        if (layout is null)
            return null;
        return OciLayoutBase.Read(reference with { Kind = BaseKind.OciLayout, Path = layout }, platform, request.WorkDirectory, diagnostics) is { } read
            ? read with { Kind = reference.KindName, Reference = reference.Text }
            : null;
    }

    private static SharedRuntime? PlanRuntime(ImageRequest request, IDiagnostics diagnostics)
    {
        var entrypoint = request.Container.Spec.Entrypoint;
        var runsDotnet = entrypoint.Count > 0 && entrypoint[0].Split('/')[^1] == "dotnet";
        var runtimeConfig = Path.Combine(request.PublishDirectory, request.Container.Project.AppName + ".runtimeconfig.json");
        return SharedRuntimeLayer.OfThisMachine(request.PruneRuntimePieces).Plan(runtimeConfig, runsDotnet, diagnostics);
    }

    private static IImageArchiveWriter Writer(ImageRequest request) =>
        request.Format.Equals("docker", StringComparison.OrdinalIgnoreCase) ? new DockerArchiveWriter(request.Epoch) : new OciArchiveWriter(request.Epoch);

    /// <summary>The shipped ELF files by their path in the publish folder: their PT_INTERP paths place the loader, their GLIBC needs are checked.</summary>
    /// <summary>The ELF files the image's platform loads: another RID's runtimes/&lt;rid&gt;/ assets (a RID-less publish ships them all) never are.</summary>
    private static IReadOnlyList<(string File, ElfFile Elf)> ShippedElfFiles(string publishDirectory, string runtimeIdentifier) =>
        [.. Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(publishDirectory, f).Replace('\\', '/'))
            .Where(f => !Files.RuntimeAssetFolders.IsForOtherPlatform(f, runtimeIdentifier))
            .Select(f => (File: f, Elf: ElfFile.TryRead(Path.Combine(publishDirectory, f))))
            .Where(s => s.Elf is not null).Select(s => (s.File, s.Elf!))];

    private static string BaseContents(Needs.RuntimeNeeds needs) =>
        string.Join(", ", new[] { "glibc" }.Concat(needs.Needs.Where(n => n.Needed && n.Kind is not (Needs.NeedKind.WritableTmp or Needs.NeedKind.ListeningPort))
            .Select(n => Files.KebabCaseEnum.JsonName(n.Kind))));
}
