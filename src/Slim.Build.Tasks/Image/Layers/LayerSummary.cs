namespace Slim.Build.Tasks.Image.Layers;

/// <summary>A layer of the built image as image.json and the report list it.</summary>
/// <param name="Holds">What the layer holds, e.g. "base: glibc, openssl" or "app".</param>
internal sealed record LayerSummary(string Digest, string DiffId, long WireBytes, long UnpackedBytes, string Holds);
