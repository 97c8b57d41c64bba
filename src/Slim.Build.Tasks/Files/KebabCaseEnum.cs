using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// Writes an enum as its lower-case, dash-separated name (MovedToSymbols: "moved-to-symbols"), the
/// words report.json has always used, and reads it back; numbers are refused.
/// </summary>
internal sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;

internal static class KebabCaseEnum
{
    /// <summary>The name report.json uses for the value, for text that must say the same (report.md, the console).</summary>
    public static string JsonName<T>(this T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
