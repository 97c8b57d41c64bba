namespace Slim.Build.Tasks.Image.Oci;

/// <summary>
/// The image config (application/vnd.oci.image.config.v1+json, or docker's): created, platform, the run
/// settings, rootfs.diff_ids (the sha256 of each layer's tar, in order) and the history.
/// </summary>
internal sealed record OciConfig(string? Created, ImagePlatform Platform, RunConfig Config, IReadOnlyList<string> DiffIds, IReadOnlyList<HistoryEntry> History);

/// <summary>
/// The config's "config" object: how a container of the image runs. Empty lists and null values are left out
/// when written.
/// </summary>
/// <param name="ExposedPorts">"8080/tcp", ...</param>
/// <param name="Env">"NAME=value" in order.</param>
/// <param name="Labels">Written sorted by key; a later duplicate wins.</param>
internal sealed record RunConfig(
    string? User = null,
    IReadOnlyList<string>? ExposedPorts = null,
    IReadOnlyList<string>? Env = null,
    IReadOnlyList<string>? Entrypoint = null,
    IReadOnlyList<string>? Cmd = null,
    string? WorkingDir = null,
    IReadOnlyList<KeyValuePair<string, string>>? Labels = null);
