using System.Globalization;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>An archive suite's InRelease after its signature verified: its fields and the SHA-256 and size of each index it lists.</summary>
internal sealed record InRelease(string Suite, string? Codename, IReadOnlyDictionary<string, (string Sha256, long Size)> Files)
{
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
        return new InRelease(stanza.Field("Suite") ?? "", stanza.Field("Codename"), files);
    }
}
