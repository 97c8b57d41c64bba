namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// One HttpClient for every registry call of a build (MSBuild keeps the task assembly loaded), with connections
/// recycled so DNS changes are seen; redirects are followed without the Authorization header (blob storage).
/// </summary>
internal static class SharedHttpClient
{
    public static readonly HttpClient Instance = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AllowAutoRedirect = true,
    })
    {
        // A layer of a few hundred MB on a slow link; the retry budget bounds the rest.
        Timeout = TimeSpan.FromMinutes(30),
        DefaultRequestHeaders = { { "User-Agent", "Slim.Build.Tasks" } },
    };
}
