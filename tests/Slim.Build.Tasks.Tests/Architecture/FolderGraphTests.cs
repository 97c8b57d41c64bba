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

    [TestMethod]
    public void The_folders_form_an_acyclic_graph_at_every_depth()
    {
        var source = SourceFolder();
        var depth = FolderGraph.Depth(source);
        Assert.IsTrue(depth >= 2, "Image/Base and the like are sub-folders: depth " + depth);
        for (var level = 1; level <= depth; level++)
        {
            var edges = FolderGraph.Read(source, level);
            if (level >= 2)
                Assert.IsTrue(edges.TryGetValue("Image", out var image) && image.Contains("Image/Base"), $"depth {level}: " + FolderGraph.Describe(edges));
            var cycle = FolderGraph.FindCycle(edges);
            Assert.IsNull(cycle, $"At depth {level} the folders form a cycle: {string.Join(" -> ", cycle ?? [])}. Move the shared type to a folder both may read (Image/Oci, Image/Layers, Files/)."
                                 + Environment.NewLine + FolderGraph.Describe(edges));
        }
    }

    [TestMethod]
    public void A_sub_folder_that_names_its_parents_type_is_an_edge_the_top_level_graph_cannot_see()
    {
        using var temp = new TestSupport.TempFolder();
        temp.File("Image/Builder.cs", "using Slim.Build.Tasks.Image.Base;\nnamespace Slim.Build.Tasks.Image;\nclass Builder { }\nrecord Blob(string Path);\n"u8.ToArray());
        temp.File("Image/Base/Source.cs", "namespace Slim.Build.Tasks.Image.Base;\nclass Source { Blob? b; }\n"u8.ToArray());
        temp.File("Image/Base/Host/HostSource.cs", "namespace Slim.Build.Tasks.Image.Base.Host;\nclass HostSource : Source { }\n"u8.ToArray());
        temp.File("Image/Oci/Digest.cs", "namespace Slim.Build.Tasks.Image.Oci;\nclass Digest { }\n"u8.ToArray());

        Assert.IsNull(FolderGraph.FindCycle(FolderGraph.Read(temp.Path)), "one top-level folder has no cycle");
        Assert.AreEqual(3, FolderGraph.Depth(temp.Path));
        var second = FolderGraph.Read(temp.Path, 2);
        Assert.AreEqual("Image -> Image/Base" + Environment.NewLine + "Image/Base -> Image", FolderGraph.Describe(second));
        CollectionAssert.AreEqual(new[] { "Image", "Image/Base", "Image" }, FolderGraph.FindCycle(second)!.ToArray());
        var third = FolderGraph.Read(temp.Path, 3);
        Assert.AreEqual("Image -> Image/Base" + Environment.NewLine + "Image/Base -> Image" + Environment.NewLine + "Image/Base/Host -> Image/Base",
            FolderGraph.Describe(third));

        temp.File("Image/Base/Source.cs", "namespace Slim.Build.Tasks.Image.Base;\nclass Source { Slim.Build.Tasks.Image.Oci.Digest? d; }\n"u8.ToArray());
        Assert.IsNull(FolderGraph.FindCycle(FolderGraph.Read(temp.Path, 3)), FolderGraph.Describe(FolderGraph.Read(temp.Path, 3)));
    }

    private static string SourceFolder() => Path.Combine(Repository.Root, "src", "Slim.Build.Tasks");
}
