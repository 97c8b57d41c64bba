using System.Runtime.InteropServices;
using Processor = System.Runtime.InteropServices.Architecture;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Elf;

[TestClass]
public sealed class SystemLibraryFoldersTests
{
    [TestMethod]
    public void Includes_are_followed_in_name_order_then_the_defaults_each_real_folder_once()
    {
        using var temp = new TempFolder();
        var a = Directory.CreateDirectory(Path.Combine(temp.Path, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(temp.Path, "b")).FullName;
        var c = Directory.CreateDirectory(Path.Combine(temp.Path, "c")).FullName;
        var linkToA = Path.Combine(temp.Path, "link-to-a");
        Directory.CreateSymbolicLink(linkToA, a);
        temp.File("etc/ld.so.conf", System.Text.Encoding.UTF8.GetBytes($"include ld.so.conf.d/*.conf\n{c} # after the includes\n"));
        temp.File("etc/ld.so.conf.d/20-b.conf", System.Text.Encoding.UTF8.GetBytes($"# comment\n{b}\n{temp.Path}/absent\n"));
        temp.File("etc/ld.so.conf.d/10-a.conf", System.Text.Encoding.UTF8.GetBytes($"{a}/\nhwcap 0 nosegneg\n"));
        temp.File("etc/ld.so.conf.d/loop.conf", System.Text.Encoding.UTF8.GetBytes($"include {temp.Path}/etc/ld.so.conf.d/loop.conf\n"));
        temp.File("etc/ld.so.conf.d/ignored.txt", System.Text.Encoding.UTF8.GetBytes($"{temp.Path}/ignored\n"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "ignored"));

        var folders = SystemLibraryFolders.Read(Path.Combine(temp.Path, "etc/ld.so.conf"), [linkToA, c, b + "/"]);

        CollectionAssert.AreEqual(new[] { a, b, c }, folders.ToArray(), string.Join(" ", folders));
    }

    [TestMethod]
    public void A_missing_conf_file_leaves_the_defaults_that_exist()
    {
        using var temp = new TempFolder();
        var folders = SystemLibraryFolders.Read(Path.Combine(temp.Path, "no-ld.so.conf"), [temp.Path, Path.Combine(temp.Path, "absent")]);
        CollectionAssert.AreEqual(new[] { temp.Path }, folders.ToArray());
    }

    [TestMethod]
    public void The_multiarch_pair_comes_before_the_plain_folders()
    {
        CollectionAssert.AreEqual(
            new[] { "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" },
            SystemLibraryFolders.Defaults(Processor.Arm64).ToArray());
        Assert.AreEqual("/lib/x86_64-linux-gnu", SystemLibraryFolders.Defaults(Processor.X64)[0]);
    }

    [TestMethod]
    public void This_machine_searches_its_multiarch_folder_once_and_finds_libc_there()
    {
        if (!File.Exists("/etc/debian_version") || RuntimeInformation.OSArchitecture != Processor.X64)
            Assert.Inconclusive("the figures below are Debian x64's");
        var folders = SystemLibraryFolders.OfThisMachine().ToList();

        // /lib -> usr/lib: /usr/lib/x86_64-linux-gnu is the same folder as the one ld.so.conf.d names first.
        Assert.IsTrue(folders.Contains("/lib/x86_64-linux-gnu"), string.Join(" ", folders));
        Assert.IsFalse(folders.Contains("/usr/lib/x86_64-linux-gnu"), string.Join(" ", folders));
        Assert.AreEqual(folders.Count, folders.Select(RealPath.Of).Distinct().Count(), string.Join(" ", folders));
        Assert.IsTrue(folders.IndexOf("/lib/x86_64-linux-gnu") < folders.IndexOf("/lib"), string.Join(" ", folders));
        Assert.AreEqual("/lib/x86_64-linux-gnu", folders.First(f => File.Exists(Path.Combine(f, "libc.so.6"))));
        CollectionAssert.AreEqual(folders.ToArray(), SystemLibraryFolders.OfThisMachine().ToArray(), "the same answer twice");
    }
}
