using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Files;

[TestClass]
public sealed class PublishFolderTests
{
    [TestMethod]
    public void A_shared_folder_counts_only_the_files_the_projects_list_names_and_an_own_folder_counts_all()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "out");
        foreach (var file in new[] { "One.dll", "One.deps.json", "Two.dll", "wwwroot/css/site.css" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
            File.WriteAllText(Path.Combine(folder, file), file);
        }
        var list = Path.Combine(temp.Path, "own-files.txt");
        File.WriteAllText(list, "One.dll\nOne.deps.json\nwwwroot\\css\\site.css\nOne.dll\nGone.pdb\n\n");

        CollectionAssert.AreEqual(new[] { "One.deps.json", "One.dll", "wwwroot/css/site.css" }, PublishFolder.RelativeFiles(folder, list).ToArray());
        CollectionAssert.AreEqual(new[] { "One.deps.json", "One.dll", "Two.dll", "wwwroot/css/site.css" }, PublishFolder.RelativeFiles(folder, null).ToArray());
        CollectionAssert.AreEqual(new[] { "One.deps.json", "One.dll", "Two.dll", "wwwroot/css/site.css" }, PublishFolder.RelativeFiles(folder, Path.Combine(temp.Path, "missing.txt")).ToArray());
        Assert.AreEqual(0, PublishFolder.RelativeFiles(Path.Combine(temp.Path, "nothing"), list).Count);
    }
}
