using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>
/// A Markdown file as GitHub reads it, for the docs tests: the links in its text (not in code blocks or code
/// spans) and the anchors a link can name (a heading's slug, or an explicit &lt;a id="..."&gt;).
/// </summary>
internal sealed class MarkdownPage
{
    private static readonly Regex Link = new(@"\[[^\]]*\]\(([^)\s]+)\)");
    private static readonly Regex Heading = new(@"^#{1,6} (.+)$");
    private static readonly Regex ExplicitAnchor = new("<a id=\"([^\"]+)\"");
    private static readonly Regex CodeSpan = new("`[^`]*`");

    public IReadOnlyList<string> Links { get; }
    public IReadOnlySet<string> Anchors { get; }

    private MarkdownPage(IReadOnlyList<string> links, IReadOnlySet<string> anchors) => (Links, Anchors) = (links, anchors);

    public static MarkdownPage Parse(string text)
    {
        var links = new List<string>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            var heading = Heading.Match(line.TrimEnd('\r'));
            if (heading.Success) anchors.Add(Slug(heading.Groups[1].Value));
            foreach (Match m in ExplicitAnchor.Matches(line)) anchors.Add(m.Groups[1].Value);
            foreach (Match m in Link.Matches(CodeSpan.Replace(line, ""))) links.Add(m.Groups[1].Value);
        }
        return new MarkdownPage(links, anchors);
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-');

    /// <summary>A link that leaves the repository (a scheme such as https: or mailto:).</summary>
    public static bool IsExternal(string link) => Regex.IsMatch(link, "^[a-zA-Z][a-zA-Z0-9+.-]*:");
}
