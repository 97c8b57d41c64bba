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
}
