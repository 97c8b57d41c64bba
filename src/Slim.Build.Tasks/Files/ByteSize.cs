using System.Globalization;
using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// A size in bytes, parsed from the csproj (12MB, 12MiB, 500000) and printed for people
/// (12.3 MB). KB/MB/GB are powers of 1000, KiB/MiB/GiB powers of 1024.
/// </summary>
internal readonly record struct ByteSize(long Bytes)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<number>\d+(\.\d+)?)\s*(?<unit>B|KB|MB|GB|KiB|MiB|GiB)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["B"] = 1,
        ["KB"] = 1000, ["MB"] = 1000 * 1000, ["GB"] = 1000 * 1000 * 1000,
        ["KiB"] = 1024, ["MiB"] = 1024 * 1024, ["GiB"] = 1024 * 1024 * 1024,
    };

    public static bool TryParse(string? text, out ByteSize size)
    {
        size = default;
        var match = Pattern.Match(text ?? "");
        if (!match.Success)
            return false;
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : "B";
        var number = decimal.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var bytes = number * Units[unit];
        // A fractional byte count ("1.5B") is not a size anyone means.
        if (bytes != decimal.Truncate(bytes) || bytes > long.MaxValue)
            return false;
        size = new ByteSize((long)bytes);
        return true;
    }

    /// <summary>Human form with both units people read, e.g. "12.35 MB (12,345,678 B)".</summary>
    public override string ToString() => $"{Human(Bytes)} ({Bytes.ToString("N0", CultureInfo.InvariantCulture)} B)";

    public static string Human(long bytes)
    {
        var abs = Math.Abs(bytes);
        string text = abs switch
        {
            >= 1000L * 1000 * 1000 => (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
            >= 1000L * 1000 => (bytes / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
            >= 1000 => (bytes / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
            _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        };
        return text;
    }
}
