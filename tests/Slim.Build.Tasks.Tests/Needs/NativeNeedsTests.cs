using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class NativeNeedsTests
{
    [TestMethod]
    public void Names_each_library_by_the_published_files_that_need_it()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LibraryWithSoname(temp.Path, "libfoo.so", "libfoo.so");
        var program = NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path, "app-source");

        var needs = NativeNeeds.Of([new ShippedFile("App", program), new ShippedFile("lib/libfoo.so", library)], SystemLibraryFolders.OfThisMachine());

        var foo = needs.Single(n => n.Name == "libfoo.so");
        Assert.IsTrue(foo.Ships);
        CollectionAssert.Contains(foo.NeededBy.ToList(), "App");
        var libc = needs.Single(n => n.Name == "libc.so.6");
        Assert.IsFalse(libc.Ships);
        Assert.IsTrue(File.Exists(libc.HostPath), libc.HostPath);
        Assert.IsTrue(needs.Any(n => n.Name.StartsWith("ld-linux")), "the interpreter is a need: " + string.Join(", ", needs.Select(n => n.Name)));
        Assert.IsTrue(needs.Single(n => n.Name == "libm.so.6").NeededBy.Contains("lib/libfoo.so"));
    }

    [TestMethod]
    public void Another_platforms_runtime_assets_need_nothing()
    {
        using var temp = new TempFolder();
        var library = Directory.CreateDirectory(Path.Combine(temp.Path, "lib")).FullName;
        NativeFixtures.LibraryWithSoname(library, "libfoo.so", "libfoo.so");
        var arm = NativeFixtures.ExecutableUsingFoo(temp.Path, library, "libarm.so");
        var x64 = NativeFixtures.ExecutableUsingFoo(temp.Path, library, "libx64.so");
        File.Delete(Path.Combine(library, "libfoo.so"));

        var needs = NativeNeeds.Of([new ShippedFile("runtimes/linux-arm64/native/libarm.so", arm),
            new ShippedFile("runtimes/linux-musl-x64/native/libarm.so", arm)], SystemLibraryFolders.OfThisMachine(), "linux-x64");
        var own = NativeNeeds.Of([new ShippedFile("runtimes/linux-x64/native/libx64.so", x64)], SystemLibraryFolders.OfThisMachine(), "linux-x64");

        Assert.AreEqual(0, needs.Count, "a RID-less publish ships every RID's assets; only the host's are loaded: " + string.Join(", ", needs.Select(n => n.Name)));
        Assert.IsTrue(own.Any(n => n.Name == "libfoo.so" && n.HostPath is null), "the image's own RID still needs libfoo.so: " + string.Join(", ", own.Select(n => n.Name)));
    }

    [TestMethod]
    [DataRow("runtimes/linux-arm64/native/libe_sqlite3.so", "linux-x64", true)]
    [DataRow("runtimes/linux-musl-x64/native/libe_sqlite3.so", "linux-x64", true)]
    [DataRow("runtimes/win-x64/native/e_sqlite3.dll", "linux-x64", true)]
    [DataRow("runtimes/linux-x64/native/libe_sqlite3.so", "linux-x64", false)]
    [DataRow("runtimes/unix/lib/net8.0/System.Foo.dll", "linux-x64", false)]
    [DataRow("runtimes/linux-x64/native/libe_sqlite3.so", "linux-musl-x64", false)]
    [DataRow("runtimes/linux-musl/native/libx.so", "linux-musl-x64", false)]
    [DataRow("runtimes/linux-arm64/native/libe_sqlite3.so", "", false)]
    [DataRow("libe_sqlite3.so", "linux-x64", false)]
    [DataRow("app/runtimes/linux-arm64/native/libe_sqlite3.so", "linux-x64", true)]
    [DataRow("runtimes/unix-x64/native/libgit2.so", "linux-x64", false)]
    [DataRow("runtimes/unix-arm64/native/libgit2.so", "linux-x64", true)]
    [DataRow("runtimes/unix-x64/native/libgit2.so", "linux-musl-x64", false)]
    public void Runtime_asset_folders_follow_the_hosts_fallback_chain(string path, string rid, bool foreign) =>
        Assert.AreEqual(foreign, Slim.Build.Tasks.Files.RuntimeAssetFolders.IsForOtherPlatform(path, rid), $"{path} on {rid}");
}
