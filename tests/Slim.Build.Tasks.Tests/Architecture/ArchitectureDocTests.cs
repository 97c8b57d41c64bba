using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>docs/architecture.md stays true to the build files: every target named, nothing outside the repository linked.</summary>
[TestClass]
public sealed class ArchitectureDocTests
{
    private static readonly string Doc = Path.Combine(Repository.Root, "docs", "architecture.md");

    private static IReadOnlyList<string> TargetNames() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src/Slim.Build.Tasks/build"), "*.targets")
            .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "src/Slim.Sdk/Sdk"), "*.targets"))
            .SelectMany(f => XDocument.Load(f).Descendants().Where(e => e.Name.LocalName == "Target"))
            .Select(t => (string)t.Attribute("Name")!)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [TestMethod]
    public void Every_target_of_the_build_files_is_in_the_architecture_doc()
    {
        var names = TargetNames();
        Assert.IsTrue(names.Contains("SlimValidateSettings") && names.Contains("SlimAfterPublish"), string.Join(", ", names));
        var text = File.ReadAllText(Doc);
        var missing = names.Where(n => !Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(n)}(?![\w])")).ToList();
        Assert.AreEqual(0, missing.Count, "docs/architecture.md does not name: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void The_architecture_doc_links_only_inside_the_repository()
    {
        var external = MarkdownPage.Parse(File.ReadAllText(Doc)).Links.Where(MarkdownPage.IsExternal).ToList();
        Assert.AreEqual(0, external.Count, "docs/architecture.md links outside the repository: " + string.Join(", ", external));
        Assert.IsFalse(Regex.IsMatch(File.ReadAllText(Doc), @"https?://"), "docs/architecture.md names an address outside the repository");
    }
}
