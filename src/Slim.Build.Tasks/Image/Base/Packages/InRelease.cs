using System.Globalization;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>An archive suite's InRelease after its signature verified: its fields and the SHA-256 and size of each index it lists.</summary>
/// <param name="ValidUntil">Valid-Until: after it the release must not be trusted (a replayed old release would offer old versions); null when the suite sets none (bookworm's own does not, bookworm-security's does).</param>
internal sealed record InRelease(string Suite, string? Codename, IReadOnlyDictionary<string, (string Sha256, long Size)> Files, DateTimeOffset? ValidUntil = null)
{
    /// <exception cref="FormatException">The text holds no fields, or a Valid-Until that is no date.</exception>
    public static InRelease Parse(string signedText)
    {
        var stanza = DpkgStatusFile.Parse(new StringReader(signedText)).FirstOrDefault()
            ?? throw new FormatException("InRelease holds no fields");
        var files = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (var line in (stanza.Field("SHA256") ?? "").Split('\n'))
        {
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0].Length == 64 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                files[parts[2]] = (parts[0].ToLowerInvariant(), size);
        }
        DateTimeOffset? validUntil = null;
        if (stanza.Field("Valid-Until") is { } until)
            validUntil = ParseDate(until.Trim()) ?? throw new FormatException($"its Valid-Until '{until.Trim()}' is not a date");
        return new InRelease(stanza.Field("Suite") ?? "", stanza.Field("Codename"), files, validUntil);
    }

    /// <summary>The archive's dates, RFC 2822 as apt writes them: "Sat, 12 Dec 2026 03:33:28 UTC" (UTC, GMT, Z or +hhmm).</summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        var space = text.LastIndexOf(' ');
        if (space < 0)
            return null;
        var zone = text[(space + 1)..];
        TimeSpan offset;
        if (zone is "UTC" or "GMT" or "Z")
            offset = TimeSpan.Zero;
        else if (zone.Length == 5 && zone[0] is '+' or '-' && int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                 && int.TryParse(zone[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            offset = (zone[0] == '-' ? -1 : 1) * new TimeSpan(hours, minutes, 0);
        else
            return null;
        return DateTime.TryParseExact(text[..space], ["ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset)
            : null;
    }
}
