namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Where the Debian archive is: the build machine's apt sources (sources.list.d/*.sources in deb822 form,
/// sources.list and sources.list.d/*.list in one-line form), or SlimPackageMirror. Only binary ("deb") sources of
/// the release's suites with the main component count; the code names no archive host of its own.
/// </summary>
internal static class AptSources
{
    public const string DefaultRoot = "/etc/apt";

    /// <summary>The archives of <paramref name="release"/> (bookworm and its -updates and -security suites) this machine's apt reads.</summary>
    public static IReadOnlyList<AptSource> OfMachine(string release, string root = DefaultRoot)
    {
        var sources = new List<AptSource>();
        var folder = Path.Combine(root, "sources.list.d");
        if (File.Exists(Path.Combine(root, "sources.list")))
            sources.AddRange(ParseOneLine(File.ReadAllText(Path.Combine(root, "sources.list"))));
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".sources", StringComparison.Ordinal))
                    sources.AddRange(ParseDeb822(File.ReadAllText(file)));
                else if (file.EndsWith(".list", StringComparison.Ordinal))
                    sources.AddRange(ParseOneLine(File.ReadAllText(file)));
            }
        }
        return ForRelease(sources, release);
    }

    /// <summary>
    /// SlimPackageMirror: ';'-separated archives, each a URL optionally followed by its suites
    /// ("http://mirror/debian" or "http://mirror/debian-security bookworm-security"); a URL alone serves the release and its -updates suite.
    /// </summary>
    public static IReadOnlyList<AptSource> FromMirror(string value, string release) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var words = part.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var suites = words.Length > 1 ? words[1..] : [release, release + "-updates"];
            return new AptSource(words[0].TrimEnd('/'), suites, ["main"]);
        })];

    /// <summary>Whether SlimPackageMirror's URLs are http or https URLs.</summary>
    public static string? FirstInvalidMirror(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0])
            .FirstOrDefault(u => !(System.Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));

    /// <summary>deb822 stanzas: Types, URIs, Suites, Components, Signed-By (Enabled: no skips one).</summary>
    public static IEnumerable<AptSource> ParseDeb822(string text)
    {
        foreach (var stanza in DpkgStatusFile.Parse(new StringReader(StripComments(text))))
        {
            if (!Words(stanza.Field("Types")).Contains("deb") || stanza.Field("Enabled")?.Trim() == "no")
                continue;
            var signedBy = stanza.Field("Signed-By")?.Trim();
            foreach (var uri in Words(stanza.Field("URIs")))
                yield return new AptSource(uri.TrimEnd('/'), Words(stanza.Field("Suites")), Words(stanza.Field("Components")),
                    signedBy is { Length: > 0 } && !signedBy.Contains('\n') ? signedBy : null);
        }
    }

    /// <summary>"deb [signed-by=/k.gpg arch=amd64] http://host/debian bookworm main contrib" lines.</summary>
    public static IEnumerable<AptSource> ParseOneLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal) && !line.StartsWith("deb\t", StringComparison.Ordinal))
                continue;
            string? signedBy = null;
            var rest = line[3..].Trim();
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']');
                if (close < 0)
                    continue;
                foreach (var option in rest[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (option.StartsWith("signed-by=", StringComparison.Ordinal))
                        signedBy = option["signed-by=".Length..];
                rest = rest[(close + 1)..].Trim();
            }
            var words = rest.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 3)
                yield return new AptSource(words[0].TrimEnd('/'), [words[1]], words[2..], signedBy);
        }
    }

    /// <summary>The sources' suites of the release (bookworm, bookworm-updates, bookworm-security) with main, one source per URI.</summary>
    public static IReadOnlyList<AptSource> ForRelease(IEnumerable<AptSource> sources, string release) =>
        [.. sources
            .Where(s => s.Components.Contains("main"))
            .Select(s => s with { Suites = [.. s.Suites.Where(suite => suite == release || suite.StartsWith(release + "-", StringComparison.Ordinal)
                                                                       && suite != release + "-backports" && suite != release + "-proposed-updates")] })
            .Where(s => s.Suites.Count > 0)
            .GroupBy(s => s.Uri, StringComparer.Ordinal)
            .Select(g => g.First() with { Suites = [.. g.SelectMany(s => s.Suites).Distinct()] })];

    private static IReadOnlyList<string> Words(string? value) =>
        value is null ? [] : value.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string StripComments(string text) =>
        string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
}
