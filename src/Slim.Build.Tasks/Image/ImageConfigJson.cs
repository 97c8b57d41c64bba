using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The image's OCI config: platform, created (the epoch), the run settings, rootfs.diff_ids and one history
/// entry per layer Slim made, each stamped with the same epoch, after an external base's history as the base has it.
/// </summary>
internal static class ImageConfigJson
{
    public static byte[] Write(ImageConfig config, IReadOnlyList<ImageLayer> layers, ImageEpoch epoch) => OciJsonWriter.Write(new OciConfig(
        epoch.Rfc3339,
        config.Platform,
        new RunConfig(
            config.User,
            config.Ports?.Select(p => $"{p.Number}/{p.Type.ToLowerInvariant()}").ToList(),
            config.Environment?.Select(e => $"{e.Name}={e.Value}").ToList(),
            config.Entrypoint,
            config.Cmd,
            config.WorkingDirectory,
            config.Labels?.Select(l => KeyValuePair.Create(l.Name, l.Value)).ToList()),
        [.. layers.Select(l => l.Blob.DiffId)],
        [.. config.BaseHistory ?? [], .. layers.Where(l => !l.FromBase).Select(l => new HistoryEntry(epoch.Rfc3339, l.CreatedBy))]));
}
