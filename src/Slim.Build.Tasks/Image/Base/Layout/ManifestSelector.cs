using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// Finds the one image manifest a layout offers for the app's platform: index.json, narrowed to the named
/// image (org.opencontainers.image.ref.name; "t" also matches "repo:t"), then down through nested indexes and
/// manifest lists to the manifest whose platform is the RID's. Every document on the way is a verified blob.
/// </summary>
internal sealed class ManifestSelector(LayoutBlobs blobs, BaseReference reference, string layoutFolder, IDiagnostics diagnostics)
{
    private const int MaxDepth = 4;

    /// <returns>The manifest's descriptor, or null after reporting.</returns>
    public Descriptor? Select(ImageIndex index, ImagePlatform platform)
    {
        var top = index.Manifests;
        var named = top.Where(d => reference.Name is not { } name || d.RefName == name
            || d.RefName?.EndsWith(":" + name, StringComparison.Ordinal) == true).ToList();
        var names = string.Join(", ", top.Select(d => d.RefName ?? "(no name)").Distinct());
        if (named.Count == 0)
        {
            diagnostics.Error(SlimDiagnostics.BaseImageNotFound_Name, reference.Text, reference.Name!, names.Length == 0 ? "nothing" : names);
            return null;
        }
        // Unnamed entries are one image only when their platforms tell them apart (a multi-platform index written flat):
        // two that could both serve the app's platform are two images, and taking the first would be a guess.
        if (reference.Name is null && (named.Select(d => d.RefName).Distinct().Count() > 1
            || named.Count(d => d.RefName is null && (d.Platform is null || d.Platform.Matches(platform))) > 1))
        {
            diagnostics.Error(SlimDiagnostics.BaseImageNotFound_Ambiguous, reference.Text, string.Join(", ", named.Select(d => d.RefName ?? d.Digest).Distinct()));
            return null;
        }
        var seen = new List<string>();
        foreach (var descriptor in named)
            if (Find(descriptor, platform, seen, 0) is { } found)
                return found;
        if (!diagnostics.HasErrors)
            diagnostics.Error(SlimDiagnostics.BasePlatformMissing, reference.Text, platform.Describe(),
                seen.Count == 0 ? "no platform" : string.Join(", ", seen.Distinct()));
        return null;
    }

    private Descriptor? Find(Descriptor descriptor, ImagePlatform platform, List<string> seen, int depth)
    {
        if (descriptor.IsManifest)
        {
            // A manifest without a platform (a single-image layout) is checked against its config later.
            if (descriptor.Platform is { } p && !p.Matches(platform))
            {
                seen.Add(p.Describe());
                return null;
            }
            return descriptor;
        }
        if (!descriptor.IsIndex || depth >= MaxDepth)
            return null;
        if (blobs.Read(descriptor.Digest, descriptor.Size, "an index") is not { } bytes || Parse(bytes, "index " + descriptor.Digest, OciJsonReader.ReadIndex) is not { } nested)
            return null;
        foreach (var child in nested.Manifests)
            if (Find(child, platform, seen, depth + 1) is { } found)
                return found;
        return null;
    }

    /// <summary>The document read with <paramref name="read"/>; null after reporting the layout invalid.</summary>
    public T? Parse<T>(byte[] bytes, string what, Func<byte[], T> read) where T : class
    {
        try
        {
            return read(bytes);
        }
        catch (FormatException e)
        {
            diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, layoutFolder, what + ": " + e.Message);
            return null;
        }
    }
}
