namespace Slim.Build.Tasks.Image.Registry;

/// <summary>What a push did, for image.json's push part, the report and the console line.</summary>
/// <param name="References">registry/repository:tag for each tag pushed.</param>
/// <param name="Digest">The manifest's digest, as the registry confirmed it: the archive's.</param>
/// <param name="BytesUploaded">Blob bytes sent (config and layers); 0 when the registry had every blob.</param>
internal sealed record PushSummary(
    string Registry,
    string Repository,
    IReadOnlyList<string> References,
    string Digest,
    long BytesUploaded,
    int BlobsUploaded,
    int BlobsMounted,
    int BlobsSkipped);
