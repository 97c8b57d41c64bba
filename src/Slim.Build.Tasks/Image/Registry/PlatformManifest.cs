using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>Reads what a pull needs from manifests: the index entry for a platform, and a manifest's config and layers.</summary>
internal static class PlatformManifest
{
    /// <returns>The digest of the index's manifest for <paramref name="platform"/>; null when it lists none.</returns>
    public static string? Choose(byte[] index, ImagePlatform platform)
    {
        using var json = JsonDocument.Parse(index);
        foreach (var entry in json.RootElement.GetProperty("manifests").EnumerateArray())
        {
            if (!entry.TryGetProperty("platform", out var p))
                continue;
            var architecture = p.TryGetProperty("architecture", out var a) ? a.GetString() : null;
            var os = p.TryGetProperty("os", out var o) ? o.GetString() : null;
            var variant = p.TryGetProperty("variant", out var v) ? v.GetString() : null;
            // arm64's variant (v8) is implied; 32-bit arm must match its variant.
            if (architecture == platform.Architecture && os == platform.Os && (platform.Variant is null || variant is null || variant == platform.Variant))
                return entry.GetProperty("digest").GetString();
        }
        return null;
    }

    /// <summary>Every platform the index lists, for the message when the wanted one is missing.</summary>
    public static string Platforms(byte[] index)
    {
        using var json = JsonDocument.Parse(index);
        return string.Join(", ", json.RootElement.GetProperty("manifests").EnumerateArray()
            .Where(e => e.TryGetProperty("platform", out _))
            .Select(e => e.GetProperty("platform"))
            .Select(p => p.GetProperty("os").GetString() + "/" + p.GetProperty("architecture").GetString()
                         + (p.TryGetProperty("variant", out var v) ? "/" + v.GetString() : "")));
    }

    /// <summary>The config and layer descriptors: (digest, size) each, config first.</summary>
    public static IReadOnlyList<(string Digest, long Size)> Blobs(byte[] manifest, string where)
    {
        using var json = JsonDocument.Parse(manifest);
        var root = json.RootElement;
        if (!root.TryGetProperty("config", out var config) || !root.TryGetProperty("layers", out var layers))
            throw new SlimException(SlimDiagnostics.RegistryRequestFailed, where, "", "read the manifest", "not an image manifest", "it has no config or layers");
        return new[] { config }.Concat(layers.EnumerateArray())
            .Select(d => (d.GetProperty("digest").GetString()!, d.GetProperty("size").GetInt64())).ToList();
    }
}
