using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// Pushes an image as ko and Jib do: each blob is asked for first (HEAD) and sent only when missing, a base
/// layer is mounted from the base's repository when the base came from the same registry, then the manifest
/// is put under each tag and the registry's digest for it must equal ours.
/// </summary>
internal static class ImagePusher
{
    /// <param name="mountFrom">The base's repository on the same registry, whose base layers can be mounted; null otherwise.</param>
    public static PushSummary Push(RegistryClient client, string repository, IReadOnlyList<string> tags, PushableImage image, string? mountFrom, IDiagnostics diagnostics)
    {
        long uploaded = 0;
        int sent = 0, mounted = 0, skipped = 0;
        var blobs = image.Layers.Select(l => (l.Digest, l.Size, Open: (Func<Stream>)(() => File.OpenRead(l.Path)), IsBase: l.Holds.StartsWith("base", StringComparison.Ordinal)))
            .Append((image.ConfigDigest, (long)image.Config.Length, () => new MemoryStream(image.Config, writable: false), false))
            .DistinctBy(b => b.Item1);
        foreach (var (digest, size, open, isBase) in blobs)
        {
            if (client.BlobExists(repository, digest))
            {
                skipped++;
                diagnostics.Detail($"Slim: {client.Endpoint.Registry}/{repository} already has {digest}");
                continue;
            }
            if (isBase && mountFrom is not null && mountFrom != repository && client.TryMount(repository, digest, mountFrom))
            {
                mounted++;
                continue;
            }
            client.UploadBlob(repository, digest, open, size);
            uploaded += size;
            sent++;
        }
        var references = new List<string>();
        foreach (var tag in tags)
        {
            client.PutManifest(repository, tag, image.Manifest, MediaTypes.OciManifest, image.ManifestDigest);
            references.Add($"{client.Endpoint.Registry}/{repository}:{tag}");
        }
        return new PushSummary(client.Endpoint.Registry, repository, references, image.ManifestDigest, uploaded, sent, mounted, skipped);
    }

    /// <summary>
    /// A multi-platform image (ContainerRuntimeIdentifiers): every platform's blobs, then each platform's manifest by its
    /// digest (untagged), then the index under each tag, so the registry shows one image, never the platforms beside it.
    /// </summary>
    /// <param name="index">The image index's bytes, as slim/image.tar holds them.</param>
    public static PushSummary PushIndex(RegistryClient client, string repository, IReadOnlyList<string> tags, IReadOnlyList<PushableImage> platforms, byte[] index,
        IDiagnostics diagnostics)
    {
        var pushed = platforms.Select(p => Push(client, repository, [], p, null, diagnostics)).ToList();
        foreach (var platform in platforms)
            client.PutManifest(repository, platform.ManifestDigest, platform.Manifest, MediaTypes.OciManifest, platform.ManifestDigest);
        var digest = Sha256Digest.Of(index);
        var references = new List<string>();
        foreach (var tag in tags)
        {
            client.PutManifest(repository, tag, index, MediaTypes.OciIndex, digest);
            references.Add($"{client.Endpoint.Registry}/{repository}:{tag}");
        }
        return new PushSummary(client.Endpoint.Registry, repository, references, digest, pushed.Sum(p => p.BytesUploaded), pushed.Sum(p => p.BlobsUploaded),
            pushed.Sum(p => p.BlobsMounted), pushed.Sum(p => p.BlobsSkipped));
    }
}
