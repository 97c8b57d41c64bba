namespace Slim.Build.Tasks.Image.Oci;

/// <summary>The OCI platform of an image: GOARCH-style architecture ("amd64", "arm64"), os ("linux"), and a variant for 32-bit arm.</summary>
internal sealed record ImagePlatform(string Architecture, string Os = "linux", string? Variant = null)
{
    /// <summary>"linux-x64", "linux-musl-arm64", "linux-arm" -> the platform; a non-Linux or unknown RID -> false.</summary>
    public static bool TryFromRuntimeIdentifier(string runtimeIdentifier, out ImagePlatform platform)
    {
        platform = new ImagePlatform("");
        var parts = runtimeIdentifier.Trim().ToLowerInvariant().Split('-');
        if (parts.Length < 2 || !parts[0].StartsWith("linux", StringComparison.Ordinal))
            return false;
        ImagePlatform? found = parts[^1] switch
        {
            "x64" => new("amd64"),
            "arm64" => new("arm64"),
            "arm" => new("arm", Variant: "v7"),
            "x86" => new("386"),
            "s390x" => new("s390x"),
            "ppc64le" => new("ppc64le"),
            "riscv64" => new("riscv64"),
            "loongarch64" => new("loong64"),
            _ => null,
        };
        if (found is null)
            return false;
        platform = found;
        return true;
    }

    /// <summary>Same os and architecture, and the same variant when both name one (arm64's v8 is often left out).</summary>
    public bool Matches(ImagePlatform wanted) =>
        Os == wanted.Os && Architecture == wanted.Architecture && (Variant is null || wanted.Variant is null || Variant == wanted.Variant);

    /// <summary>"linux/amd64", "linux/arm/v7".</summary>
    public string Describe() => Os + "/" + Architecture + (Variant is { } v ? "/" + v : "");
}
