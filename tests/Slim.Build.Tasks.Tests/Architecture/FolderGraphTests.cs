namespace Slim.Build.Tasks.Tests.Architecture;

/// <summary>A concern never reads another concern that reads it back (STYLE.md §1): shared blocks go to Files/.</summary>
[TestClass]
public sealed class FolderGraphTests
{
    [TestMethod]
    public void The_folders_under_src_form_an_acyclic_graph()
    {
        var edges = FolderGraph.Read(SourceFolder());
        // The graph must have been read at all, or an empty graph would pass.
        Assert.IsTrue(edges.TryGetValue("Tasks", out var tasks) && tasks.Contains("Budgets"), FolderGraph.Describe(edges));

        var cycle = FolderGraph.FindCycle(edges);
        Assert.IsNull(cycle, $"The folders form a cycle: {string.Join(" -> ", cycle ?? [])}. Move the shared type to Files/."
                             + Environment.NewLine + FolderGraph.Describe(edges));
    }

    [TestMethod]
    public void A_cycle_in_an_edge_list_is_reported()
    {
        var edges = new Dictionary<string, SortedSet<string>>
        {
            ["Tasks"] = ["Budgets", "Report"],
            ["Report"] = ["Budgets", "Files"],
            ["Budgets"] = ["Files", "Report"],
            ["Files"] = [],
        };
        CollectionAssert.AreEqual(new[] { "Budgets", "Report", "Budgets" }, FolderGraph.FindCycle(edges)!.ToArray());

        edges["Budgets"] = ["Files"];
        Assert.IsNull(FolderGraph.FindCycle(edges), "the same graph without Budgets -> Report");
    }

    [TestMethod]
    public void A_using_line_and_an_inline_name_are_both_edges()
    {
        using var temp = new TestSupport.TempFolder();
        temp.File("Budgets/Parser.cs", "using Slim.Build.Tasks.Files;\nnamespace Slim.Build.Tasks.Budgets;\nclass P { object R() => Slim.Build.Tasks.Report.X.Y; }\n"u8.ToArray());
        temp.File("Report/X.cs", "namespace Slim.Build.Tasks.Report;\nusing Slim.Build.Tasks.Budgets;\n"u8.ToArray());
        temp.File("Files/Glob.cs", "namespace Slim.Build.Tasks.Files;\n"u8.ToArray());
        temp.File("obj/Generated.cs", "using Slim.Build.Tasks.Report;\n"u8.ToArray());

        var edges = FolderGraph.Read(temp.Path);
        Assert.AreEqual("Budgets -> Files, Report" + Environment.NewLine + "Report -> Budgets", FolderGraph.Describe(edges));
        CollectionAssert.AreEqual(new[] { "Budgets", "Report", "Budgets" }, FolderGraph.FindCycle(edges)!.ToArray());
    }

    private static string SourceFolder() => Path.Combine(Repository.Root, "src", "Slim.Build.Tasks");
}
