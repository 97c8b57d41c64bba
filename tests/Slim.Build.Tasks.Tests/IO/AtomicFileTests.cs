using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

[TestClass]
public sealed class AtomicFileTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [TestMethod]
    public void Writes_the_text_as_utf8_without_bom_and_creates_the_folder()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "a", "b", "report.json");
        AtomicFile.WriteAllText(path, "{ \"é\": 1 }\n");
        CollectionAssert.AreEqual("{ \"é\": 1 }\n"u8.ToArray(), File.ReadAllBytes(path));
        AtomicFile.WriteAllText(path, "second");
        Assert.AreEqual("second", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!), "a temporary file was left behind");
    }

    [TestMethod]
    public void An_unchanged_file_keeps_its_timestamp_and_a_changed_one_is_rewritten()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "step.json");
        Assert.IsTrue(AtomicFile.WriteAllTextIfChanged(path, "same"));
        File.SetLastWriteTimeUtc(path, LongAgo);

        Assert.IsFalse(AtomicFile.WriteAllTextIfChanged(path, "same"));
        Assert.AreEqual(LongAgo, File.GetLastWriteTimeUtc(path));

        Assert.IsTrue(AtomicFile.WriteAllTextIfChanged(path, "changed"));
        Assert.AreEqual("changed", File.ReadAllText(path));
        Assert.AreNotEqual(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [TestMethod]
    public void A_failed_write_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        // A folder where the file should go: the rename fails after the temporary file was written.
        var path = Path.Combine(temp.Path, "report.json");
        Directory.CreateDirectory(path);
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "content"), "the rename onto a folder must fail");
        Assert.IsTrue(Directory.Exists(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFileSystemEntries(temp.Path));
    }

    [TestMethod]
    public void Two_writers_of_one_file_at_once_always_leave_one_whole_file()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "needs.json");
        var contents = new[] { new string('a', 300_000) + "\n", new string('b', 200_000) + "\n" };

        Parallel.For(0, 200, i => AtomicFile.WriteAllText(path, contents[i % 2]));

        CollectionAssert.Contains(contents, File.ReadAllText(path), "the file holds neither writer's whole content");
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(temp.Path));
    }

    [TestMethod]
    public void A_write_removes_the_temporary_files_a_killed_publish_left_long_ago_but_not_a_fresh_one()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "image.json");
        var abandoned = path + ".0123abcd.slim-tmp";
        var fresh = path + ".4567cdef.slim-tmp";
        File.WriteAllText(abandoned, "{ \"half");
        File.WriteAllText(fresh, "{ \"being written");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - AtomicFile.AbandonedAfter - TimeSpan.FromMinutes(1));

        AtomicFile.WriteAllText(path, "{}");

        Assert.IsFalse(File.Exists(abandoned), "the abandoned temporary file is still there");
        Assert.IsTrue(File.Exists(fresh), "a temporary file another writer may still be writing was removed");
    }

    [TestMethod]
    public void A_folder_sweep_removes_every_old_temporary_file_and_keeps_fresh_ones_and_other_files()
    {
        using var temp = new TempFolder();
        var old = Path.Combine(temp.Path, "image.tar.slim-tmp");
        var oldLayer = Path.Combine(temp.Path, "abc.tar.gz.4242-7.slim-tmp");
        var fresh = Path.Combine(temp.Path, "def.tar.gz.4243-1.slim-tmp");
        var kept = Path.Combine(temp.Path, "image.tar");
        foreach (var file in new[] { old, oldLayer, fresh, kept })
            File.WriteAllText(file, "x");
        foreach (var file in new[] { old, oldLayer, kept })
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - AtomicFile.AbandonedAfter - TimeSpan.FromMinutes(5));

        AtomicFile.RemoveAbandoned(temp.Path);
        AtomicFile.RemoveAbandoned(Path.Combine(temp.Path, "missing"));

        CollectionAssert.AreEquivalent(new[] { fresh, kept }, Directory.GetFiles(temp.Path));
    }
}
