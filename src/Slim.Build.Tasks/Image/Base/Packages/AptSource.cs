namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>One Debian archive and the suites Slim reads from it, e.g. http://deb.debian.org/debian with bookworm and bookworm-updates.</summary>
/// <param name="Uri">The archive's root, without a trailing '/': dists/ and pool/ are under it.</param>
/// <param name="SignedBy">The keyring apt's source names (Signed-By), or null: the machine's archive keyring then.</param>
internal sealed record AptSource(string Uri, IReadOnlyList<string> Suites, IReadOnlyList<string> Components, string? SignedBy = null)
{
    public string DistsUrl(string suite, string file) => $"{Uri}/dists/{suite}/{file}";

    public string PoolUrl(string archivePath) => $"{Uri}/{archivePath.TrimStart('/')}";
}
