using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// What the manifest says about where the image comes from: the base image's name and digest when it was
/// pulled from one, the source repository URL and the commit. The created time is always the epoch.
/// </summary>
internal sealed record ManifestAnnotations(string? BaseName = null, string? BaseDigest = null, string? Source = null, string? Revision = null)
{
    private const string Prefix = "org.opencontainers.image.";

    public IEnumerable<KeyValuePair<string, string>> For(ImageEpoch epoch)
    {
        yield return KeyValuePair.Create(Prefix + "created", epoch.Rfc3339);
        foreach (var (key, value) in new[] { ("base.name", BaseName), ("base.digest", BaseDigest), ("source", Source), ("revision", Revision) })
            if (!string.IsNullOrWhiteSpace(value))
                yield return KeyValuePair.Create(Prefix + key, value.Trim());
    }
}
