using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>SlimRegistryTimeout and SlimPushTimeout (seconds) read into the retry policy a push uses.</summary>
internal static class PushLimits
{
    public const double DefaultRequestSeconds = 30;
    public const double DefaultPushSeconds = 1800;

    /// <param name="requestTimeout">SlimRegistryTimeout, e.g. "30"; empty: the default.</param>
    /// <param name="pushTimeout">SlimPushTimeout, e.g. "1800"; empty: the default.</param>
    /// <exception cref="SlimException">SLIM1040 naming the property and its value when it is not seconds above 0.</exception>
    public static RetryPolicy Policy(string requestTimeout, string pushTimeout, DateTimeOffset now) =>
        Policy(SecondsSetting.Parse("SlimRegistryTimeout", requestTimeout, DefaultRequestSeconds), SecondsSetting.Parse("SlimPushTimeout", pushTimeout, DefaultPushSeconds), now);

    /// <summary>The policy of timeouts already checked (settings.json).</summary>
    public static RetryPolicy Policy(TimeSpan requestTimeout, TimeSpan pushTimeout, DateTimeOffset now) =>
        RetryPolicy.Default with { RequestTimeout = requestTimeout, Deadline = now + pushTimeout };

}
