using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Files;

[TestClass]
public sealed class PatternItemReaderTests
{
    [TestMethod]
    public void Reads_wildcard_budgets_from_the_project_file_as_written()
    {
        using var temp = new TempFolder();
        var csproj = temp.File("App.csproj", System.Text.Encoding.UTF8.GetBytes("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <SlimBudget Include="**/*.so" Max="2MiB" />
                <SlimBudget Include="createdump" Max="1" />
              </ItemGroup>
            </Project>
            """));
        // What MSBuild hands the task: the literal one; the glob vanished (no .so in the project folder).
        var evaluated = new[] { Item("createdump", ("Max", "1")) };

        var budgets = Pairs(PatternItemReader.Read("SlimBudget", evaluated, [csproj], new RecordingDiagnostics()));

        CollectionAssert.AreEquivalent(new[] { ("createdump", "1"), ("**/*.so", "2MiB") }, budgets);
    }

    [TestMethod]
    public void Drops_what_msbuild_expanded_from_a_glob_against_the_project_folder()
    {
        using var temp = new TempFolder();
        var csproj = temp.File("App.csproj", System.Text.Encoding.UTF8.GetBytes("""<Project><ItemGroup><SlimBudget Include="**/*.so" Max="2MiB" /></ItemGroup></Project>"""));
        var evaluated = new[] { Item("native/libanswer.so", ("Max", "2MiB")) };

        var budgets = Pairs(PatternItemReader.Read("SlimBudget", evaluated, [csproj], new RecordingDiagnostics()));

        CollectionAssert.AreEqual(new[] { ("**/*.so", "2MiB") }, budgets);
    }

    [TestMethod]
    public void Files_metadata_is_taken_as_the_pattern()
    {
        var budgets = Pairs(PatternItemReader.Read("SlimBudget", [Item("native libraries", ("Max", "2MiB"), ("Files", "**/*.so"))], [], new RecordingDiagnostics()));
        CollectionAssert.AreEqual(new[] { ("**/*.so", "2MiB") }, budgets);
    }

    [TestMethod]
    public void A_conditioned_wildcard_budget_is_skipped_with_a_warning_naming_it()
    {
        using var temp = new TempFolder();
        var props = temp.File("Directory.Build.props", System.Text.Encoding.UTF8.GetBytes("""
            <Project><ItemGroup Condition="'$(Configuration)' == 'Release'"><SlimBudget Include="*.dll" Max="1MB" /></ItemGroup></Project>
            """));
        var diagnostics = new RecordingDiagnostics();

        var budgets = PatternItemReader.Read("SlimBudget", [], [props, "/nonexistent/Directory.Build.targets"], diagnostics);

        Assert.AreEqual(0, budgets.Count);
        var warning = diagnostics.Items.Single();
        Assert.AreEqual("PatternItemConditional", warning.Diagnostic.ResourceName);
        Assert.AreEqual("SlimBudget", warning.Args[0]);
        Assert.AreEqual("*.dll", warning.Args[1]);
    }

    [TestMethod]
    public void Any_item_type_reads_the_same_way_with_its_metadata()
    {
        using var temp = new TempFolder();
        var csproj = temp.File("App.csproj", System.Text.Encoding.UTF8.GetBytes("""
            <Project><ItemGroup><SlimStripExclude Include="*.so" /><SlimUpxInclude Include="**/*.so"><Why>size</Why></SlimUpxInclude></ItemGroup></Project>
            """));
        // MSBuild expanded *.so against the project folder into the project's own libfoo.so.
        var stripExclude = PatternItemReader.Read("SlimStripExclude", [Item("libfoo.so")], [csproj], new RecordingDiagnostics());
        CollectionAssert.AreEqual(new[] { "*.so" }, stripExclude.Select(p => p.Pattern).ToArray());

        var upx = PatternItemReader.Read("SlimUpxInclude", [], [csproj], new RecordingDiagnostics());
        Assert.AreEqual("**/*.so", upx.Single().Pattern);
        Assert.AreEqual("size", upx.Single().Get("Why"));
    }

    private static EvaluatedItem Item(string include, params (string Name, string Value)[] metadata) =>
        new(include, metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.OrdinalIgnoreCase));

    private static (string, string)[] Pairs(IReadOnlyList<PublishPattern> patterns) =>
        patterns.Select(p => (p.Pattern, p.Get("Max"))).ToArray();
}
