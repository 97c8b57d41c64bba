using Microsoft.Build.Utilities;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>
/// A Slim output folder that cannot take files fails before any step with SLIM3014 naming the folder and its
/// property. Measured: a read-only slim/ gave ten MSB3026 retries and a raw MSB3027 from the SDK's Copy task.
/// </summary>
[TestClass]
public sealed class PrepareOutputFoldersTests
{
    [TestMethod]
    public void A_writable_folder_passes_is_created_when_missing_and_keeps_no_probe()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "bin", "slim");
        Assert.IsNull(WritableFolder.WhyNot(folder));
        Assert.IsTrue(Directory.Exists(folder));
        Assert.AreEqual(0, Directory.GetFileSystemEntries(folder).Length, "the probe file was left behind");
    }

    [TestMethod]
    public void A_file_where_the_folder_should_be_fails_naming_folder_and_property()
    {
        using var temp = new TempFolder();
        var blocked = temp.File("bin/slim", 3);
        var engine = new RecordingBuildEngine();
        var passed = new SlimPrepareOutputFolders
        {
            BuildEngine = engine,
            Folders = [new TaskItem(Path.Combine(temp.Path, "ok")), Folder(blocked, "SlimOutputDirectory")],
        }.Execute();

        Assert.IsFalse(passed);
        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM3014", error.Code);
        StringAssert.Contains(error.Message, $"'{blocked}'");
        StringAssert.Contains(error.Message, "SlimOutputDirectory");
        Assert.AreEqual(3, new FileInfo(blocked).Length, "the file in the way is the user's: left as it was");
    }

    [TestMethod]
    public void A_read_only_folder_fails_for_a_user_who_cannot_write_it()
    {
        if (!OperatingSystem.IsLinux())
            return;
        if (Environment.UserName == "root")
        {
            // root writes through permission bits: only a read-only mount stops it, which a unit test cannot make.
            Assert.IsNotNull(WritableFolder.WhyNot("/proc/1"), "a folder no one can create files in");
            return;
        }
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "slim")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try { Assert.IsNotNull(WritableFolder.WhyNot(folder)); }
        finally { File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
    }

    private static TaskItem Folder(string path, string property)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Property", property);
        return item;
    }

    [TestMethod]
    public void Temporary_files_a_killed_step_left_under_the_folders_go_once_old_and_fresh_ones_stay()
    {
        using var temp = new TempFolder();
        var old = temp.File("obj/slim/strip/runtimes/linux-x64/native/libe_sqlite3.so.slim-tmp", 5);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - AtomicFile.AbandonedAfter - TimeSpan.FromMinutes(1));
        var fresh = temp.File("obj/slim/upx/App.slim-tmp", 5);
        var kept = temp.File("obj/slim/strip/runtimes/linux-x64/native/libe_sqlite3.so", 5);

        Assert.IsTrue(new SlimPrepareOutputFolders { BuildEngine = new RecordingBuildEngine(), Folders = [Folder(Path.Combine(temp.Path, "obj", "slim"), "IntermediateOutputPath")] }.Execute());

        Assert.IsFalse(File.Exists(old), "an abandoned temporary file deep in the step folder stays forever otherwise");
        Assert.IsTrue(File.Exists(fresh), "a fresh one may be another writer's");
        Assert.IsTrue(File.Exists(kept));
    }
}
