using System.Globalization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>How much a publish may grow over its baseline: a size (200KB) or a percentage (5%).</summary>
internal sealed record Growth(ByteSize? Absolute, decimal? Percent)
{
    public static bool TryParse(string? text, out Growth growth)
    {
        growth = new Growth(null, null);
        var trimmed = (text ?? "").Trim();
        if (trimmed.EndsWith('%'))
        {
            if (!decimal.TryParse(trimmed[..^1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                return false;
            growth = new Growth(null, percent);
            return true;
        }
        if (!ByteSize.TryParse(trimmed, out var size))
            return false;
        growth = new Growth(size, null);
        return true;
    }

    public long AllowedBytes(long baseline) =>
        Absolute?.Bytes ?? (long)Math.Floor(baseline * (Percent ?? 0) / 100m);

    public override string ToString() =>
        Percent is { } p ? p.ToString(CultureInfo.InvariantCulture) + "%" : Absolute!.Value.ToString();
}
