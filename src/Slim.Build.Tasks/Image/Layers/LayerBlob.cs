namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// A written layer: the gzip file on disk (<see cref="Path"/>), its digest and size as the manifest names
/// them ("sha256:...", the compressed bytes), the diffID the config's rootfs lists (the sha256 of the
/// uncompressed tar) and the tar's size, and the sum of the sizes of the files it holds (what the layer
/// carries, before tar headers and compression).
/// </summary>
internal sealed record LayerBlob(string Path, string Digest, long Size, string DiffId, long UncompressedSize, long ContentSize);
