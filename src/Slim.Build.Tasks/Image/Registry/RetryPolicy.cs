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

    /// <summary>SlimRegistryTimeout: how long one attempt may go with no byte sent and no answer before it is given up (and tried again within <see cref="Budget"/>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SlimPushTimeout, as a point in time: no request starts or goes on past it. Null: none (a pull).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The build's cancellation (Ctrl+C): every request and every wait between attempts ends when it fires.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Waits <paramref name="delay"/> before the next attempt, or throws as soon as the build is cancelled.</summary>
    public void Pause(TimeSpan delay)
    {
        Cancellation.WaitHandle.WaitOne(delay);
        Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>How long the attempt starting now may wait at most: the request timeout, within the retry budget and the deadline.</summary>
    public TimeSpan AttemptLimit(TimeSpan elapsed)
    {
        var limit = RequestTimeout < Budget - elapsed ? RequestTimeout : Budget - elapsed;
        return Deadline is { } deadline && deadline - DateTimeOffset.UtcNow < limit ? deadline - DateTimeOffset.UtcNow : limit;
    }

    /// <summary>How long a request that is moving bytes may go on after each piece: the request timeout, within the deadline.</summary>
    public TimeSpan IdleLimit() =>
        Deadline is { } deadline && deadline - DateTimeOffset.UtcNow < RequestTimeout ? deadline - DateTimeOffset.UtcNow : RequestTimeout;

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
        return elapsed + delay > Budget || Deadline is { } deadline && DateTimeOffset.UtcNow + delay > deadline ? null : delay;
    }
}
