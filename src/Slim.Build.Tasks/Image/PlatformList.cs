using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>One entry of ContainerRuntimeIdentifiers: the RID as written and the image platform it gives (null: not one Slim builds).</summary>
internal sealed record PlatformEntry(string RuntimeIdentifier, ImagePlatform? Platform);

/// <summary>
/// ContainerRuntimeIdentifiers, the .NET SDK's list of the RIDs one publish makes images for ("linux-x64;linux-arm64"):
/// split on ';', trimmed, empty entries and repeats (case-insensitive) dropped, in the order written, which is the
/// order of the image index.
/// </summary>
internal static class PlatformList
{
    public static IReadOnlyList<PlatformEntry> Parse(string? list)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<PlatformEntry>();
        foreach (var item in (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (seen.Add(item))
                entries.Add(new PlatformEntry(item, ImagePlatform.TryFromRuntimeIdentifier(item, out var platform) ? platform : null));
        return entries;
    }

    /// <summary>The platform an index entry names: arm64 with its variant v8 spelled out, as registries and containerd expect.</summary>
    public static ImagePlatform ForIndex(ImagePlatform platform) =>
        platform is { Architecture: "arm64", Variant: null } ? platform with { Variant = "v8" } : platform;
}
