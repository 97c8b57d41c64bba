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

        var cache = new LayerCache(Path.Combine(request.WorkDirectory, "layers"), new LayerWriter(request.Epoch));
        var layers = planned.Select(p => new ImageLayer(cache.Write(p.Entries, request.Epoch.Rfc3339), "slim: " + p.Holds)).ToList();
        var spec = request.Container.Spec;
        var config = new ImageConfig(platform, spec.Entrypoint, spec.User, spec.WorkingDirectory, null, spec.Environment, spec.Ports, spec.Labels);
        var annotations = new ManifestAnnotations(BaseName: baseKind == Auto ? "slim:auto" : Scratch,
            Source: spec.Labels.FirstOrDefault(l => l.Name == "org.opencontainers.image.source")?.Value, Revision: request.Revision);
        var documents = ImageDocuments.Create(config, layers, annotations, request.Epoch);
        var archive = request.Format.Equals("docker", StringComparison.OrdinalIgnoreCase)
            ? new DockerArchiveWriter(request.Epoch).Write(documents, request.Names, request.ArchivePath)
            : new OciArchiveWriter(request.Epoch).Write(documents, request.Names, request.ArchivePath);

        var summaries = layers.Select((l, i) => new LayerSummary(l.Blob.Digest, l.Blob.DiffId, l.Blob.Size, l.Blob.UncompressedSize, planned[i].Holds)).ToList();
        return new ImageSection(request.ArchivePath, request.Format.ToLowerInvariant(), archive.ManifestDigest, archive.Names,
            new BaseSummary(baseKind, baseKind == Auto ? "assembled from this machine's files" : Scratch, null),
            summaries, summaries.Sum(l => l.WireBytes), summaries.Sum(l => l.UnpackedBytes), packages);
    }

    /// <summary>The programs' PT_INTERP paths, so the base puts the loader where they ask for it.</summary>
    private static IEnumerable<string> Interpreters(string publishDirectory) =>
        Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(f => ElfFile.TryRead(f)?.Interpreter).OfType<string>().Distinct().ToList();

    private static string BaseContents(Needs.RuntimeNeeds needs) =>
        string.Join(", ", new[] { "glibc" }.Concat(needs.Needs.Where(n => n.Needed && n.Kind is not (Needs.NeedKind.WritableTmp or Needs.NeedKind.ListeningPort))
            .Select(n => Files.KebabCaseEnum.JsonName(n.Kind))));
}
