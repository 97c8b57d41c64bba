using System.Globalization;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Files;

/// <summary>A setting in seconds (SlimRegistryTimeout, SlimPushTimeout, SlimLockTimeout): a number above 0, decimals allowed.</summary>
internal static class SecondsSetting
{
    /// <param name="value">As the user wrote it, e.g. "30" or "1.5"; empty: <paramref name="fallback"/>.</param>
    /// <exception cref="SlimException">SLIM1040 naming the property and its value when it is not seconds above 0.</exception>
    public static TimeSpan Parse(string property, string value, double fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
            return TimeSpan.FromSeconds(fallback);
        if (!double.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            throw new SlimException(SlimDiagnostics.InvalidTimeout, property, value);
        return TimeSpan.FromSeconds(seconds);
    }
}
