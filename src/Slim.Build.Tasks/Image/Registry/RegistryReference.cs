using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// An image in a registry: "registry/repository:tag@sha256:...", with Docker's defaults (no registry means
/// docker.io, a one-part docker.io repository gets "library/", no tag and no digest means "latest").
/// </summary>
/// <param name="Registry">The host (and port) as the user wrote it: "localhost:5000", "mcr.microsoft.com", "docker.io".</param>
/// <param name="Digest">"sha256:..." when pinned; then the tag is only a label.</param>
internal sealed record RegistryReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";
    private static readonly Regex RepositoryPattern = new(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex TagPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);
    private static readonly Regex DigestPattern = new(@"^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant);

    /// <summary>What the manifest is asked for by: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    /// <summary>The host the API is served on: Docker Hub's API lives on registry-1.docker.io.</summary>
    public string ApiHost => ApiHostOf(Registry);

    public static string ApiHostOf(string registry) =>
        registry is DockerHub or "index.docker.io" or "registry.hub.docker.com" ? "registry-1.docker.io" : registry;

    public override string ToString() =>
        $"{Registry}/{Repository}" + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <returns>Null when <paramref name="text"/> is not a reference.</returns>
    public static RegistryReference? TryParse(string text)
    {
        var rest = text.Trim();
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern.IsMatch(digest))
                return null;
        }
        var slash = rest.IndexOf('/');
        var first = slash < 0 ? "" : rest[..slash];
        // Docker's rule: the first part names a registry only when it looks like a host.
        var registry = slash > 0 && (first.Contains('.') || first.Contains(':') || first == "localhost" || first.StartsWith('[')) ? first : DockerHub;
        var path = registry == DockerHub && !(slash > 0 && rest.StartsWith(DockerHub + "/", StringComparison.Ordinal)) ? rest : rest[(slash + 1)..];
        string? tag = null;
        var colon = path.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = path[(colon + 1)..];
            path = path[..colon];
            if (!TagPattern.IsMatch(tag))
                return null;
        }
        if (registry == DockerHub && !path.Contains('/'))
            path = "library/" + path;
        if (!RepositoryPattern.IsMatch(path))
            return null;
        return new RegistryReference(registry, path, tag ?? (digest is null ? "latest" : null), digest);
    }
}
