using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

[TestClass]
public sealed class RealPathTests
{
    [TestMethod]
    public void Links_in_folders_and_in_the_file_are_all_resolved()
    {
        using var temp = new TempFolder();
        var real = temp.File("usr/lib/libx.so.1.2", 3);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "usr/lib/libx.so.1"), "libx.so.1.2");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "lib"), "usr/lib");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "lib64"), Path.Combine(temp.Path, "lib"));

        Assert.AreEqual(real, RealPath.Of(Path.Combine(temp.Path, "lib64/libx.so.1")));
        Assert.AreEqual(real, RealPath.Of(Path.Combine(temp.Path, "lib/../lib/./libx.so.1")));
        Assert.AreEqual(Path.Combine(temp.Path, "usr/lib"), RealPath.Of(Path.Combine(temp.Path, "lib64")));
        // FileInfo follows only the last part's links: the folder link stays in its answer.
        StringAssert.Contains(new FileInfo(Path.Combine(temp.Path, "lib64/libx.so.1")).ResolveLinkTarget(true)!.FullName, "/lib64/");
    }

    [TestMethod]
    public void A_missing_file_a_dangling_link_and_a_loop_have_no_real_path()
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(temp.Path, "dangling"), "nowhere");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "b"), "a");

        Assert.IsNull(RealPath.Of(Path.Combine(temp.Path, "absent")));
        Assert.IsNull(RealPath.Of(Path.Combine(temp.Path, "dangling")));
        Assert.IsNull(RealPath.Of(Path.Combine(temp.Path, "a")));
    }

    [TestMethod]
    public void On_this_usr_merged_debian_the_interpreter_lives_under_usr_lib()
    {
        if (!File.Exists("/lib64/ld-linux-x86-64.so.2"))
            Assert.Inconclusive("not an x64 glibc machine");
        Assert.AreEqual("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", RealPath.Of("/lib64/ld-linux-x86-64.so.2"));
    }
}
