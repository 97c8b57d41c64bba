using System.Net;
using System.Net.Http.Headers;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// When a registry request is tried again: on 5xx, 429 and dropped connections, up to <see cref="Attempts"/>
/// times, waiting 0.5 s, 1 s, 2 s, ... (or what Retry-After asks, within the budget), and never past
/// <see cref="Budget"/> in total, so a registry that is down fails the build in bounded time.
/// </summary>
internal sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan Budget)
{
    public static readonly RetryPolicy Default = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(90));

    public static bool IsRetryable(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    public static bool IsRetryable(Exception e) => e is HttpRequestException or IOException
        || (e is TaskCanceledException t && t.InnerException is TimeoutException);

    /// <returns>How long to wait before attempt <paramref name="attempt"/> + 1 (1-based), or null when no attempt is left.</returns>
    public TimeSpan? DelayAfter(int attempt, RetryConditionHeaderValue? retryAfter, TimeSpan elapsed)
    {
        if (attempt >= Attempts)
            return null;
        var delay = FirstDelay * Math.Pow(2, attempt - 1);
        if (retryAfter?.Delta is { } delta)
            delay = delta;
        else if (retryAfter?.Date is { } date)
            delay = date - DateTimeOffset.UtcNow;
        if (delay < TimeSpan.Zero)
            delay = TimeSpan.Zero;
        return elapsed + delay > Budget ? null : delay;
    }
}
