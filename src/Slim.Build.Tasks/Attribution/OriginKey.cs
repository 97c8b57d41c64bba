namespace Slim.Build.Tasks.Attribution;

/// <summary>One origin, the key bytes are grouped by.</summary>
internal sealed record OriginKey(string Kind, string Name, string? Version)
{
    public const string App = "app";
    public const string Content = "content";
    public const string NuGetPackage = "nuget-package";
    public const string RuntimePack = "runtime-pack";
    public const string BasePackage = "base-package";
    public const string Base = "base";
    public const string Sbom = "sbom";
    public const string Other = "other";

    public static OriginKey Of(string kind) => new(kind, kind, null);
}
