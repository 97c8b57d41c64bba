using System.Globalization;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// The one time stamped on every layer entry, the config's <c>created</c>, its history and the manifest's
/// created annotation. <c>SOURCE_DATE_EPOCH</c> (whole seconds since 1970, the reproducible-builds.org
/// convention) when it is set and valid, else <see cref="Default"/>: 1970-01-01T00:00:00Z, the tar and gzip
/// "no time" value, so nothing in an image depends on when or where it was built.
/// </summary>
internal sealed record ImageEpoch(DateTimeOffset Time)
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    public static readonly ImageEpoch Default = new(DateTimeOffset.UnixEpoch);

    /// <summary>The largest value a tar header's mtime holds here (SharpZipLib keeps it in an int: 2038-01-19).</summary>
    public const long MaximumSeconds = int.MaxValue;

    /// <summary>"1700000000" -> that second; null, empty, negative, fractional or past 2038 -> false.</summary>
    public static bool TryParse(string? sourceDateEpoch, out ImageEpoch epoch)
    {
        epoch = Default;
        if (!long.TryParse(sourceDateEpoch?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaximumSeconds)
            return false;
        epoch = new ImageEpoch(DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }

    /// <summary><c>SOURCE_DATE_EPOCH</c> from the environment when valid, else <see cref="Default"/>.</summary>
    public static ImageEpoch FromEnvironment() =>
        TryParse(Environment.GetEnvironmentVariable(Variable), out var epoch) ? epoch : Default;

    public long UnixSeconds => Time.ToUnixTimeSeconds();

    /// <summary>RFC 3339 in UTC, as the OCI config's <c>created</c> wants it: "1970-01-01T00:00:00Z".</summary>
    public string Rfc3339 => Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
