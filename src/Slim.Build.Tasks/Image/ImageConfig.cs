using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// How the image runs, as the OCI config's "config" object holds it: the user ("1654" or "app"), the
/// exec-form entrypoint and its default arguments, the working folder, the environment ("NAME=value" in the
/// order given), the exposed ports and the labels.
/// </summary>
internal sealed record ImageConfig(
    ImagePlatform Platform,
    IReadOnlyList<string> Entrypoint,
    string? User = null,
    string? WorkingDirectory = null,
    IReadOnlyList<string>? Cmd = null,
    IReadOnlyList<NameValue>? Environment = null,
    IReadOnlyList<ContainerPort>? Ports = null,
    IReadOnlyList<NameValue>? Labels = null);

/// <summary>A layer of the image and what its history entry says it holds: "slim: base (glibc, openssl)", "slim: app".</summary>
internal sealed record ImageLayer(LayerBlob Blob, string CreatedBy);
