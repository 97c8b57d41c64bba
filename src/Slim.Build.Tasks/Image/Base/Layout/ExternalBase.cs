using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// A base image read from an OCI image layout (or, through the registry pull, stored as one): its layers go into
/// the image first, their compressed blobs unchanged, and its config's settings under Slim's.
/// </summary>
/// <param name="Kind">Where it came from, for the report: oci-layout, oci-archive (the registry pull sets its own).</param>
/// <param name="Reference">The base as the user named it: the org.opencontainers.image.base.name annotation.</param>
/// <param name="ManifestDigest">The digest of the platform's manifest: the base.digest annotation.</param>
/// <param name="Layers">The base's layers in rootfs order, each blob verified against its digest and its diffID.</param>
/// <param name="Packages">The Debian packages its dpkg status (status.d/ or status) lists as installed, by name.</param>
/// <param name="Glibc">Its glibc release, from libc6 in its dpkg status or else its libc.so.6; null when it has none that Slim can see.</param>
internal sealed record ExternalBase(
    string Kind,
    string Reference,
    string ManifestDigest,
    IReadOnlyList<LayerBlob> Layers,
    BaseConfig Config,
    IReadOnlyList<BasePackage> Packages,
    Version? Glibc)
{
    /// <summary>The text of the base's os-release (etc/os-release, else usr/lib/os-release); null when its layers carry none.</summary>
    public string? OsRelease { get; init; }
}

/// <summary>The run settings of the base's config that the image keeps or merges, and its history.</summary>
internal sealed record BaseConfig(
    IReadOnlyList<NameValue> Environment,
    string? User,
    string? WorkingDirectory,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    IReadOnlyList<NameValue> Labels,
    IReadOnlyList<HistoryEntry> History)
{
    public static BaseConfig From(OciConfig config) => new(
        [.. (config.Config.Env ?? []).Select(e => e.Split('=', 2)).Select(p => new NameValue(p[0], p.Length > 1 ? p[1] : ""))],
        config.Config.User, config.Config.WorkingDir, config.Config.Entrypoint ?? [], config.Config.Cmd ?? [],
        [.. (config.Config.Labels ?? []).Select(l => new NameValue(l.Key, l.Value))], config.History);
}
