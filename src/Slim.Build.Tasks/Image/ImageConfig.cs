using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// How the image runs, as the OCI config's "config" object holds it: the user ("1654" or "app"), the
/// exec-form entrypoint and its default arguments, the working folder, the environment ("NAME=value" in the
/// order given), the exposed ports and the labels; on an external base, its history, which goes before Slim's.
/// </summary>
internal sealed record ImageConfig(
    ImagePlatform Platform,
    IReadOnlyList<string> Entrypoint,
    string? User = null,
    string? WorkingDirectory = null,
    IReadOnlyList<string>? Cmd = null,
    IReadOnlyList<NameValue>? Environment = null,
    IReadOnlyList<ContainerPort>? Ports = null,
    IReadOnlyList<NameValue>? Labels = null,
    IReadOnlyList<Oci.HistoryEntry>? BaseHistory = null);

/// <summary>A layer of the image and what its history entry says it holds: "slim: base (glibc, openssl)", "slim: app".</summary>
/// <param name="FromBase">A layer of an external base: its history entry is the base's own.</param>
internal sealed record ImageLayer(LayerBlob Blob, string CreatedBy, bool FromBase = false);
