using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// Finds the one image manifest a layout offers for the app's platform: index.json, narrowed to the named
/// image (org.opencontainers.image.ref.name; "t" also matches "repo:t"), then down through nested indexes and
/// manifest lists to the manifest whose platform is the RID's. Every document on the way is a verified blob.
/// </summary>
internal sealed class ManifestSelector(LayoutBlobs blobs, BaseReference reference, string layoutFolder, IDiagnostics diagnostics)
{
    private const int MaxDepth = 4;

    /// <returns>The manifest's descriptor, or null after reporting.</returns>
    public OciDescriptor? Select(JsonElement index, ImagePlatform platform)
    {
        var top = Manifests(index);
        var named = top.Where(d => reference.Name is not { } name || d.RefName == name
            || d.RefName?.EndsWith(":" + name, StringComparison.Ordinal) == true).ToList();
        var names = string.Join(", ", top.Select(d => d.RefName ?? "(no name)").Distinct());
        if (named.Count == 0)
        {
            diagnostics.Error(SlimDiagnostics.BaseImageNotFound_Name, reference.Text, reference.Name!, names.Length == 0 ? "nothing" : names);
            return null;
        }
        if (reference.Name is null && named.Select(d => d.RefName).Distinct().Count() > 1)
        {
            diagnostics.Error(SlimDiagnostics.BaseImageNotFound_Ambiguous, reference.Text, names);
            return null;
        }
        var seen = new List<string>();
        foreach (var descriptor in named)
            if (Find(descriptor, platform, seen, 0) is { } found)
                return found;
        if (!diagnostics.HasErrors)
            diagnostics.Error(SlimDiagnostics.BasePlatformMissing, reference.Text, Describe(platform),
                seen.Count == 0 ? "no platform" : string.Join(", ", seen.Distinct()));
        return null;
    }

    public static string Describe(ImagePlatform p) => p.Os + "/" + p.Architecture + (p.Variant is { } v ? "/" + v : "");

    private OciDescriptor? Find(OciDescriptor descriptor, ImagePlatform platform, List<string> seen, int depth)
    {
        if (descriptor.IsManifest)
        {
            // A manifest without a platform (a single-image layout) is checked against its config later.
            if (descriptor.Platform is { } p && !Matches(p, platform))
            {
                seen.Add(Describe(p));
                return null;
            }
            return descriptor;
        }
        if (!descriptor.IsIndex || depth >= MaxDepth)
            return null;
        var bytes = blobs.Read(descriptor.Digest, descriptor.Size, "an index");
        if (bytes is null)
            return null;
        using var nested = Parse(bytes, "index " + descriptor.Digest);
        if (nested is null)
            return null;
        foreach (var child in Manifests(nested.RootElement))
            if (Find(child, platform, seen, depth + 1) is { } found)
                return found;
        return null;
    }

    /// <summary>Same os and architecture, and the same variant when both name one (arm64's v8 is often left out).</summary>
    public static bool Matches(ImagePlatform candidate, ImagePlatform wanted) =>
        candidate.Os == wanted.Os && candidate.Architecture == wanted.Architecture
        && (candidate.Variant is null || wanted.Variant is null || candidate.Variant == wanted.Variant);

    public JsonDocument? Parse(byte[] bytes, string what)
    {
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, layoutFolder, what + " is not a JSON object");
        return null;
    }

    private List<OciDescriptor> Manifests(JsonElement index)
    {
        if (!index.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<OciDescriptor>();
        foreach (var element in manifests.EnumerateArray())
        {
            try
            {
                list.Add(OciDescriptor.Parse(element));
            }
            catch (FormatException e)
            {
                diagnostics.Error(SlimDiagnostics.BaseLayoutInvalid, reference.Text, layoutFolder, e.Message);
            }
        }
        return list;
    }
}
