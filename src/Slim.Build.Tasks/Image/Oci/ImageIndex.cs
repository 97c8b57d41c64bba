namespace Slim.Build.Tasks.Image.Oci;

/// <summary>An image index (an OCI layout's index.json, or a registry's manifest list): the manifests or nested indexes it offers.</summary>
internal sealed record ImageIndex(IReadOnlyList<Descriptor> Manifests, string MediaType = MediaTypes.OciIndex)
{
    /// <summary>The first manifest for <paramref name="platform"/>; an entry without a platform is never taken.</summary>
    public Descriptor? For(ImagePlatform platform) => Manifests.FirstOrDefault(m => m.Platform is { } p && p.Matches(platform));

    /// <summary>Every platform the index lists ("linux/amd64, linux/arm/v7"), for the message when the wanted one is missing.</summary>
    public string Platforms => string.Join(", ", Manifests.Select(m => m.Platform).OfType<ImagePlatform>().Select(p => p.Describe()));
}
