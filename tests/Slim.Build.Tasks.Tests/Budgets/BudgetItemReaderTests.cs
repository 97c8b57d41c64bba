using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Budgets;

[TestClass]
public sealed class BudgetItemReaderTests
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
        var evaluated = new[] { new EvaluatedBudgetItem("createdump", "1", "") };

        var budgets = BudgetItemReader.Read(evaluated, [csproj], new RecordingDiagnostics());

        CollectionAssert.AreEquivalent(new[] { ("createdump", "1"), ("**/*.so", "2MiB") }, budgets.ToArray());
    }

    [TestMethod]
    public void Drops_what_msbuild_expanded_from_a_glob_against_the_project_folder()
    {
        using var temp = new TempFolder();
        var csproj = temp.File("App.csproj", System.Text.Encoding.UTF8.GetBytes("""<Project><ItemGroup><SlimBudget Include="**/*.so" Max="2MiB" /></ItemGroup></Project>"""));
        var evaluated = new[] { new EvaluatedBudgetItem("native/libanswer.so", "2MiB", "") };

        var budgets = BudgetItemReader.Read(evaluated, [csproj], new RecordingDiagnostics());

        CollectionAssert.AreEqual(new[] { ("**/*.so", "2MiB") }, budgets.ToArray());
    }

    [TestMethod]
    public void Files_metadata_is_taken_as_the_pattern()
    {
        var budgets = BudgetItemReader.Read([new EvaluatedBudgetItem("native libraries", "2MiB", "**/*.so")], [], new RecordingDiagnostics());
        CollectionAssert.AreEqual(new[] { ("**/*.so", "2MiB") }, budgets.ToArray());
    }

    [TestMethod]
    public void A_conditioned_wildcard_budget_is_skipped_with_a_warning_naming_it()
    {
        using var temp = new TempFolder();
        var props = temp.File("Directory.Build.props", System.Text.Encoding.UTF8.GetBytes("""
            <Project><ItemGroup Condition="'$(Configuration)' == 'Release'"><SlimBudget Include="*.dll" Max="1MB" /></ItemGroup></Project>
            """));
        var diagnostics = new RecordingDiagnostics();

        var budgets = BudgetItemReader.Read([], [props, "/nonexistent/Directory.Build.targets"], diagnostics);

        Assert.AreEqual(0, budgets.Count);
        var warning = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BudgetGlobConditional, warning.Diagnostic);
        Assert.AreEqual("*.dll", warning.Args[0]);
    }
}
