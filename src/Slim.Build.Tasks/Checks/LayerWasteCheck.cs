using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Bytes lower layers ship that the image never shows, because an upper layer wrote the same path again or
/// deleted it with a whiteout: every pull still downloads them. Over SlimMaxWastedBytes it is a problem.
/// </summary>
internal sealed class LayerWasteCheck : IImageCheck
{
    public string Name => "layer-waste";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckLayerWaste;

    public CheckFinding Run(ImageCheckContext context)
    {
        var waste = context.Image.Waste;
        var bytes = waste.Sum(w => w.Size);
        var evidence = waste.OrderByDescending(w => w.Size).ThenBy(w => w.Path, StringComparer.Ordinal)
            .Select(w => $"/{w.Path} in layer {w.Layer}: {w.Size} B {(w.DeletedBy ? "deleted" : "overwritten")} above").ToList();
        var limit = context.MaxWastedBytes;
        var summary = $"{new ByteSize(bytes)} in {waste.Count} files of {context.Image.LayerCount} layers are hidden or deleted by upper layers"
                      + (limit is null ? " (no SlimMaxWastedBytes)." : $" (SlimMaxWastedBytes {new ByteSize(limit.Value)}).");
        return limit is { } max && bytes > max
            ? CheckFinding.Fail(summary, evidence, new ByteSize(bytes).ToString(), new ByteSize(max).ToString(), string.Join(", ", evidence.Take(3)))
            : CheckFinding.Pass(summary, evidence);
    }
}
