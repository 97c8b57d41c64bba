namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// dpkg's order of versions ([epoch:]upstream[-revision]): epochs as numbers, then upstream and revision compared
/// part by part, digits as numbers and other characters with '~' before everything, even the end, and letters
/// before non-letters. Used to pick the newest of a package's versions across a release's suites.
/// </summary>
internal static class DebianVersion
{
    public static int Compare(string a, string b)
    {
        var (epochA, upstreamA, revisionA) = Split(a);
        var (epochB, upstreamB, revisionB) = Split(b);
        if (epochA != epochB)
            return epochA.CompareTo(epochB);
        var upstream = ComparePart(upstreamA, upstreamB);
        return upstream != 0 ? upstream : ComparePart(revisionA, revisionB);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':');
        var epoch = colon > 0 && long.TryParse(version.AsSpan(0, colon), out var e) ? e : 0;
        var rest = colon > 0 ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, "0");
    }

    private static int ComparePart(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiDigit(a[i]) || j < b.Length && !char.IsAsciiDigit(b[j]))
            {
                var order = Order(a, i) - Order(b, j);
                if (order != 0)
                    return order;
                i++;
                j++;
            }
            while (i < a.Length && a[i] == '0')
                i++;
            while (j < b.Length && b[j] == '0')
                j++;
            var firstDifference = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDifference == 0)
                    firstDifference = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.Length && char.IsAsciiDigit(a[i]))
                return 1;
            if (j < b.Length && char.IsAsciiDigit(b[j]))
                return -1;
            if (firstDifference != 0)
                return firstDifference;
        }
        return 0;
    }

    /// <summary>dpkg's weight of the character at <paramref name="index"/>: '~' lowest, then the end or a digit, then letters, then the rest.</summary>
    private static int Order(string text, int index)
    {
        if (index >= text.Length || char.IsAsciiDigit(text[index]))
            return 0;
        var c = text[index];
        return c == '~' ? -1 : char.IsAsciiLetter(c) ? c : c + 256;
    }
}
