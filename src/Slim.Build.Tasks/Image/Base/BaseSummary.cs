namespace Slim.Build.Tasks.Image.Base;

/// <param name="Kind">auto (assembled from the build machine's files), scratch, oci-layout or oci-archive (an OCI layout on disk), registry.</param>
/// <param name="Digest">The base's manifest digest for the platform: a base on disk (or pulled) has one.</param>
internal sealed record BaseSummary(string Kind, string Name, string? Digest);
