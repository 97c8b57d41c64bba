namespace Slim.Build.Tasks.Image;

/// <summary>
/// A written image archive: where, how big, the digests a registry and <c>skopeo inspect</c> report for the
/// image (the config digest is the image ID podman and docker show), and the names a load gives it.
/// </summary>
internal sealed record ImageArchive(string Path, long Size, string ManifestDigest, long ManifestSize, string ConfigDigest, long ConfigSize, IReadOnlyList<string> Names);

/// <summary>One archive format a container engine loads: the OCI image layout (<c>podman load</c>, skopeo) or docker's (<c>docker load</c>).</summary>
internal interface IImageArchiveWriter
{
    /// <param name="names">References the loaded image gets, e.g. "localhost/app:1.0" or "registry.example/team/app:latest".</param>
    ImageArchive Write(ImageDocuments image, IReadOnlyList<string> names, string path);
}
