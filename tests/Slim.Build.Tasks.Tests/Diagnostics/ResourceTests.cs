using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Diagnostics;

[TestClass]
public sealed class ResourceTests
{
    private static readonly string Root = FindRepositoryRoot();

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

    [TestMethod]
    public void Every_code_is_in_SlimCodes_and_in_the_readme()
    {
        var constants = typeof(SlimCodes).GetFields(BindingFlags.Static | BindingFlags.Public).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var code in Entries().Select(e => e.Code).Distinct())
        {
            Assert.IsTrue(constants.Contains(code), $"{code} is missing from SlimCodes");
            // Rows start with the code's anchor: | <a id="slim1001"></a>SLIM1001 |
            Assert.IsTrue(Regex.IsMatch(readme, $@"^\| (<a id=""{code.ToLowerInvariant()}""></a>)?{code} \|", RegexOptions.Multiline),
                $"{code} is missing from the README's diagnostics table");
        }
        foreach (var constant in constants)
            Assert.IsTrue(Entries().Any(e => e.Code == constant), $"SlimCodes has {constant}, which no message uses");
    }

    [TestMethod]
    public void The_task_assembly_embeds_the_resources_under_the_name_it_loads()
    {
        foreach (var (name, code) in Entries())
            StringAssert.StartsWith(SlimTask.Strings.GetString(name), code + ": ", name);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Slim.Build.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Slim.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
