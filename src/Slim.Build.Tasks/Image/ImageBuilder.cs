using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Puts the image together: the base (assembled from what the needs list, or scratch), the publish folder in
/// layers that cache, the config from container.json, and the archive, all written reproducibly.
/// </summary>
internal static class ImageBuilder
{
    public const string Auto = "auto";
    public const string Scratch = "scratch";
    private const string BaseNameLabel = "org.opencontainers.image.base.name";

    /// <returns>Null after reporting why no image could be made.</returns>
    public static ImageSection? Build(ImageRequest request, IDiagnostics diagnostics)
    {
        if (!ImagePlatform.TryFromRuntimeIdentifier(request.RuntimeIdentifier, out var platform))
        {
            diagnostics.Error(SlimDiagnostics.ImageNeedsLinuxRid, request.RuntimeIdentifier);
            return null;
        }
        var baseKind = string.IsNullOrWhiteSpace(request.BaseImage) ? Auto : request.BaseImage.Trim();
        if (baseKind is not (Auto or Scratch))
        {
            diagnostics.Error(SlimDiagnostics.ImageBaseUnsupported, baseKind);
            return null;
        }

        var framework = request.Container.Project.Profile.Equals("framework", StringComparison.OrdinalIgnoreCase);
        if (framework && baseKind != Auto)
        {
            diagnostics.Notice(SlimDiagnostics.ImageFrameworkNotYet, request.Container.Project.ProjectName, baseKind);
            return null;
        }

        var planned = new List<PlannedLayer>();
        IReadOnlyList<BasePackage> packages = [];
        SharedRuntime? runtime = null;
        if (baseKind == Auto)
        {
            var needs = request.Needs;
            if (framework)
            {
                runtime = PlanRuntime(request, diagnostics);
                if (runtime is null)
                    return null;
                needs = needs with { NativeLibraries = [.. needs.NativeLibraries, .. runtime.HostLibraries] };
            }
            var host = HostBaseBuilder.OfThisMachine().Build(needs, RuntimeTarget.Parse(request.RuntimeIdentifier),
                Interpreters(request.PublishDirectory), diagnostics);
            if (host is null)
                return null;
            planned.Add(new PlannedLayer("base: " + BaseContents(request.Needs), host.Entries, MachineWide: true));
            if (runtime is not null)
                planned.Add(new PlannedLayer(runtime.Holds, runtime.Entries, MachineWide: true));
            packages = host.Packages;
        }
        planned.AddRange(AppLayers.Plan(request.PublishDirectory, request.Origins, request.Container.Spec.WorkingDirectory));

        var cache = new LayerCache(Path.Combine(request.WorkDirectory, "layers"), new LayerWriter(request.Epoch), request.MachineLayerCache);
        var blobs = new LayerBlob[planned.Count];
        // Each layer is compressed on its own core: the layers share nothing but the cache folders, and each blob's bytes depend on its entries only.
        Parallel.For(0, planned.Count, i => blobs[i] = cache.Write(planned[i].Entries, request.Epoch.Rfc3339, planned[i].MachineWide));
        var layers = planned.Select((p, i) => new ImageLayer(blobs[i], "slim: " + p.Holds)).ToList();
        var spec = request.Container.Spec;
        var baseName = baseKind == Auto ? "slim:auto" : Scratch;
        // container.json's labels name the Dockerfile's base; this image has its own.
        var labels = spec.Labels.Select(l => l.Name == BaseNameLabel ? l with { Value = baseName } : l).ToList();
        var environment = runtime is null ? spec.Environment
            : [.. runtime.Environment.Where(e => spec.Environment.All(s => s.Name != e.Name)).Select(e => new Container.NameValue(e.Name, e.Value)), .. spec.Environment];
        var config = new ImageConfig(platform, spec.Entrypoint, spec.User, spec.WorkingDirectory, null, environment, spec.Ports, labels);
        var annotations = new ManifestAnnotations(BaseName: baseName,
            Source: spec.Labels.FirstOrDefault(l => l.Name == "org.opencontainers.image.source")?.Value, Revision: request.Revision);
        var documents = ImageDocuments.Create(config, layers, annotations, request.Epoch);
        var names = request.Previous is { } previous && previous.Digest == documents.ManifestDigest && previous.Archive == request.ArchivePath
                    && previous.Format == request.Format.ToLowerInvariant() && File.Exists(request.ArchivePath)
                    && previous.Names.SequenceEqual(request.Names.Take(previous.Names.Count)) && previous.Names.Count > 0
            ? previous.Names
            : Writer(request).Write(documents, request.Names, request.ArchivePath).Names;

        var summaries = layers.Select((l, i) => new LayerSummary(l.Blob.Digest, l.Blob.DiffId, l.Blob.Size, l.Blob.UncompressedSize, planned[i].Holds)).ToList();
        return new ImageSection(request.ArchivePath, request.Format.ToLowerInvariant(), documents.ManifestDigest, names,
            new BaseSummary(baseKind, baseKind != Auto ? Scratch
                : "assembled from this machine's files" + (runtime is null ? "" : ", with the shared runtime " + string.Join(", ", runtime.Frameworks)), null),
            summaries, summaries.Sum(l => l.WireBytes), summaries.Sum(l => l.UnpackedBytes), packages);
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

    /// <summary>The programs' PT_INTERP paths, so the base puts the loader where they ask for it.</summary>
    private static IEnumerable<string> Interpreters(string publishDirectory) =>
        Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(f => ElfFile.TryRead(f)?.Interpreter).OfType<string>().Distinct().ToList();

    private static string BaseContents(Needs.RuntimeNeeds needs) =>
        string.Join(", ", new[] { "glibc" }.Concat(needs.Needs.Where(n => n.Needed && n.Kind is not (Needs.NeedKind.WritableTmp or Needs.NeedKind.ListeningPort))
            .Select(n => Files.KebabCaseEnum.JsonName(n.Kind))));
}
