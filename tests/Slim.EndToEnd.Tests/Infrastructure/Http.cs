namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>Polls a web app the test started until it answers.</summary>
internal static class Http
{
    /// <summary>GET <paramref name="url"/> until it answers, <paramref name="timeout"/> passes or <paramref name="stillRunning"/> says the app died.</summary>
    /// <returns>The body, or null when the app never answered.</returns>
    public static async Task<string?> GetWithin(string url, TimeSpan timeout, Func<bool>? stillRunning = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline && (stillRunning?.Invoke() ?? true); await Task.Delay(300))
        {
            try { return await http.GetStringAsync(url); }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        return null;
    }
}
