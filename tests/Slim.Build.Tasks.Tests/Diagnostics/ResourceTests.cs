using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Diagnostics;

[TestClass]
public sealed class ResourceTests
{
    private static readonly string Root = Repository.Root;

    private static IReadOnlyList<(string Name, string Code)> Entries() =>
        XDocument.Load(Path.Combine(Root, "src/Slim.Build.Tasks/Diagnostics/Strings.resx")).Root!.Elements("data")
            .Select(d => (d.Attribute("name")!.Value, Regex.Match(d.Element("value")!.Value, @"^SLIM\d{4}(?=: )").Value))
            .ToList();

    [TestMethod]
    public void Every_message_starts_with_a_slim_code()
    {
        foreach (var (name, code) in Entries())
            Assert.IsFalse(string.IsNullOrEmpty(code), $"{name} does not start with 'SLIMnnnn: '");
    }

    [TestMethod]
    public void A_code_belongs_to_one_resource_or_to_variants_of_one_name()
    {
        foreach (var group in Entries().GroupBy(e => e.Code))
        {
            var stems = group.Select(e => e.Name.Split('_')[0]).Distinct().ToList();
            Assert.AreEqual(1, stems.Count, $"{group.Key} is used by {string.Join(", ", group.Select(e => e.Name))}");
        }
    }

    private static IReadOnlyList<SlimDiagnostic> Fields() =>
        typeof(SlimDiagnostics).GetFields(BindingFlags.Static | BindingFlags.Public).Select(f => (SlimDiagnostic)f.GetValue(null)!).ToList();

    [TestMethod]
    public void Every_resource_has_a_SlimDiagnostics_field_of_its_name_and_code_and_back()
    {
        var entries = Entries();
        foreach (var (name, code) in entries)
        {
            var field = typeof(SlimDiagnostics).GetField(name, BindingFlags.Static | BindingFlags.Public);
            Assert.IsNotNull(field, $"{name} has no SlimDiagnostics field");
            var diagnostic = (SlimDiagnostic)field.GetValue(null)!;
            Assert.AreEqual(new SlimDiagnostic(code, name), diagnostic, $"SlimDiagnostics.{name}");
        }
        foreach (var diagnostic in Fields())
            Assert.IsTrue(entries.Contains((diagnostic.ResourceName, diagnostic.Code)),
                $"SlimDiagnostics has {diagnostic}, but Strings.resx has no resource of that name starting with that code");
    }

    /// <summary>The diagnostics page's table (docs/diagnostics.md): anchor, code, meaning, fix.</summary>
    private static IReadOnlyList<(string Anchor, string Code, string Meaning, string Fix)> DiagnosticsPageRows() =>
        File.ReadAllLines(Path.Combine(Root, "docs", "diagnostics.md"))
            .Select(line => Regex.Match(line, @"^\| <a id=""([^""]*)""></a>(SLIM\d{4}) \| (.+?) \| (.+?) \|$"))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))
            .ToList();

    [TestMethod]
    public void Every_code_is_on_the_diagnostics_page()
    {
        var rows = DiagnosticsPageRows().Select(r => r.Code).ToHashSet();
        foreach (var code in Entries().Select(e => e.Code).Distinct())
            Assert.IsTrue(rows.Contains(code), $"{code} is missing from the table in docs/diagnostics.md");
    }

    [TestMethod]
    public void Every_diagnostics_page_row_is_a_code_of_Strings_resx_once_with_its_anchor()
    {
        var rows = DiagnosticsPageRows();
        Assert.IsTrue(rows.Count > 30, $"only {rows.Count} rows found: has the table format of docs/diagnostics.md changed?");
        var codes = Entries().Select(e => e.Code).ToHashSet();
        foreach (var row in rows)
        {
            Assert.IsTrue(codes.Contains(row.Code), $"docs/diagnostics.md documents {row.Code}, which no message in Strings.resx has");
            Assert.AreEqual(row.Code.ToLowerInvariant(), row.Anchor, $"{row.Code}'s anchor is what its help link points at");
        }
        foreach (var duplicate in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
            Assert.Fail($"docs/diagnostics.md has {duplicate.Count()} rows for {duplicate.Key}");
    }

    [TestMethod]
    public void No_two_unrelated_diagnostics_share_a_code()
    {
        foreach (var group in Fields().GroupBy(d => d.Code))
        {
            var stems = group.Select(d => d.ResourceName.Split('_')[0]).Distinct().ToList();
            Assert.AreEqual(1, stems.Count, $"{group.Key} is used by {string.Join(", ", group)}");
        }
        Assert.AreEqual(Fields().Count, Fields().Select(d => d.ResourceName).Distinct().Count());
    }

    [TestMethod]
    public void The_task_assembly_embeds_the_resources_under_the_name_it_loads()
    {
        foreach (var (name, code) in Entries())
            StringAssert.StartsWith(SlimTask.Strings.GetString(name), code + ": ", name);
    }

    [TestMethod]
    public void The_one_inline_error_says_what_its_resource_says()
    {
        var targets = XDocument.Load(Path.Combine(Root, "src/Slim.Build.Tasks/build/Slim.Build.Tasks.targets"));
        var inline = targets.Descendants("Error").ToList();
        Assert.AreEqual(1, inline.Count, "validation belongs in a task; only the non-Core MSBuild check is inline");
        var code = inline[0].Attribute("Code")!.Value;
        var resource = Entries().Single(e => e.Code == code).Name;
        var expected = SlimTask.Strings.GetString(resource)![(code.Length + 2)..].Replace("{0}", "$(MSBuildRuntimeType)");
        Assert.AreEqual(expected, inline[0].Attribute("Text")!.Value);
        Assert.AreEqual(SlimDiagnostics.UnsupportedMSBuild.HelpLink, inline[0].Attribute("HelpLink")?.Value);
    }
}
