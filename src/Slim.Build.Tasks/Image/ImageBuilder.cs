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

        var planned = new List<PlannedLayer>();
        IReadOnlyList<BasePackage> packages = [];
        if (baseKind == Auto)
        {
            var host = HostBaseBuilder.OfThisMachine().Build(request.Needs, RuntimeTarget.Parse(request.RuntimeIdentifier),
                Interpreters(request.PublishDirectory), diagnostics);
            if (host is null)
                return null;
            planned.Add(new PlannedLayer("base: " + BaseContents(request.Needs), host.Entries));
            packages = host.Packages;
        }
        planned.AddRange(AppLayers.Plan(request.PublishDirectory, request.Origins, request.Container.Spec.WorkingDirectory));
        var sbom = request.Sbom is { } sbomRequest ? ImageSbom.AddTo(planned, sbomRequest, packages, request.Container.Spec.WorkingDirectory) : null;

        var cache = new LayerCache(Path.Combine(request.WorkDirectory, "layers"), new LayerWriter(request.Epoch));
        var layers = planned.Select(p => new ImageLayer(cache.Write(p.Entries, request.Epoch.Rfc3339), "slim: " + p.Holds)).ToList();
        var spec = request.Container.Spec;
        var baseName = baseKind == Auto ? "slim:auto" : Scratch;
        // container.json's labels name the Dockerfile's base; this image has its own.
        var labels = spec.Labels.Select(l => l.Name == BaseNameLabel ? l with { Value = baseName } : l).ToList();
        var config = new ImageConfig(platform, spec.Entrypoint, spec.User, spec.WorkingDirectory, null, spec.Environment, spec.Ports, labels);
        var annotations = new ManifestAnnotations(BaseName: baseName,
            Source: spec.Labels.FirstOrDefault(l => l.Name == "org.opencontainers.image.source")?.Value, Revision: request.Revision);
        var documents = ImageDocuments.Create(config, layers, annotations, request.Epoch);
        var names = request.Previous is { } previous && previous.Digest == documents.ManifestDigest && previous.Archive == request.ArchivePath
                    && previous.Format == request.Format.ToLowerInvariant() && File.Exists(request.ArchivePath)
                    && previous.Names.SequenceEqual(request.Names.Take(previous.Names.Count)) && previous.Names.Count > 0
            ? previous.Names
            : Writer(request).Write(documents, request.Names, request.ArchivePath).Names;

        if (sbom is not null && request.SbomFile is { } sbomFile)
            IO.AtomicFile.WriteAllTextIfChanged(sbomFile, System.Text.Encoding.UTF8.GetString(sbom));
        var summaries = layers.Select((l, i) => new LayerSummary(l.Blob.Digest, l.Blob.DiffId, l.Blob.Size, l.Blob.UncompressedSize, planned[i].Holds)).ToList();
        return new ImageSection(request.ArchivePath, request.Format.ToLowerInvariant(), documents.ManifestDigest, names,
            new BaseSummary(baseKind, baseKind == Auto ? "assembled from this machine's files" : Scratch, null),
            summaries, summaries.Sum(l => l.WireBytes), summaries.Sum(l => l.UnpackedBytes), packages) { Sbom = sbom is null ? null : request.SbomFile };
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
