using System.Globalization;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>
/// A shared framework's version as the host compares them: major.minor.patch, then an optional pre-release
/// part ("10.0.0-rc.2.25502.107") that sorts before the release and compares by dot-separated parts,
/// numbers as numbers. Build metadata after '+' is ignored.
/// </summary>
internal sealed record FrameworkVersion(int Major, int Minor, int Patch, string PreRelease) : IComparable<FrameworkVersion>
{
    public bool IsPreRelease => PreRelease.Length > 0;

    public static FrameworkVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        var plus = value.IndexOf('+');
        if (plus >= 0)
            value = value[..plus];
        var dash = value.IndexOf('-');
        var numbers = (dash < 0 ? value : value[..dash]).Split('.');
        if (numbers.Length != 3 || !numbers.All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return null;
        var parts = numbers.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new FrameworkVersion(parts[0], parts[1], parts[2], dash < 0 ? "" : value[(dash + 1)..]);
    }

    public int CompareTo(FrameworkVersion? other)
    {
        if (other is null)
            return 1;
        var numbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (numbers != 0)
            return numbers;
        if (IsPreRelease != other.IsPreRelease)
            return IsPreRelease ? -1 : 1;
        return ComparePreRelease(PreRelease, other.PreRelease);
    }

    private static int ComparePreRelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumber = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var bNumber = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var order = (aNumber, bNumber) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (order != 0)
                return order;
        }
        return a.Length.CompareTo(b.Length);
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (IsPreRelease ? "-" + PreRelease : "");
}
