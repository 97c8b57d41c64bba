using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Takes archive files by SHA-256: from the <see cref="PackageCache"/> when it holds them, else over HTTP from the
/// first archive that has them, checked against the hash the signed chain gave (InRelease for an index, the index
/// or the lock for a .deb). A download whose bytes differ (truncated, altered, another version) is not kept.
/// </summary>
internal sealed class ArchiveDownloader(PackageCache cache, HttpClient http, CancellationToken cancellation = default)
{
    public string CacheRoot => cache.Root;

    /// <summary>The cached path of the file; throws a SlimException naming <paramref name="what"/> when no archive gives the right bytes.</summary>
    /// <param name="whenGone">The error when every archive answers 404 (a version the lock pins that the archive no longer has); null: SLIM4050.</param>
    public string Get(string what, string sha256, IReadOnlyList<string> urls, SlimDiagnostic? whenGone = null)
    {
        if (cache.Find(sha256) is { } cached)
            return cached;
        var failures = new List<string>();
        foreach (var url in urls)
        {
            try
            {
                using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation).GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{url}: HTTP {(int)response.StatusCode}");
                    continue;
                }
                using var body = response.Content.ReadAsStream(cancellation);
                if (cache.TryStore(body, sha256, out var actual, out var size))
                    return cache.PathOf(sha256);
                throw new SlimException(SlimDiagnostics.PackageDownloadMismatch, what, url, sha256, actual, size);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                failures.Add($"{url}: {e.Message.TrimEnd('.')}");
            }
        }
        if (whenGone is not null && failures.Count > 0 && failures.All(f => f.EndsWith(": HTTP 404", StringComparison.Ordinal)))
            throw new SlimException(whenGone, what, string.Join("; ", failures), cache.Root);
        throw new SlimException(SlimDiagnostics.PackageArchiveUnreachable, what, string.Join("; ", failures), cache.Root);
    }

    /// <summary>A file whose hash is not known beforehand (InRelease, which its signature vouches for); null after failing at every URL.</summary>
    public string? GetText(IReadOnlyList<string> urls, List<string> failures)
    {
        foreach (var url in urls)
        {
            try
            {
                using var response = http.GetAsync(url, cancellation).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                    return response.Content.ReadAsStringAsync(cancellation).GetAwaiter().GetResult();
                failures.Add($"{url}: HTTP {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                failures.Add($"{url}: {e.Message.TrimEnd('.')}");
            }
        }
        return null;
    }
}
