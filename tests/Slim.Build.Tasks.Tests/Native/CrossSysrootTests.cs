using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Native;
using Slim.Build.Tasks.Tests.Image.Base.Packages;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Native;

/// <summary>The arm64 sysroot from the real archive: pinned in the lock's own section, assembled once in the cache, refused in locked mode when unpinned.</summary>
[TestClass]
public sealed class CrossSysrootTests
{
    private static CrossSysroot Sysroot(PackageSettings settings, string sysroots) =>
        new(settings, DebianArchiveFixture.Cache, DebianArchiveFixture.Downloader(), sysroots);

    private static string Describe(RecordingDiagnostics d) => string.Join("; ", d.Items.Select(i => i.Diagnostic + " " + string.Join(" | ", i.Args)));

    [TestMethod]
    public void The_arm64_sysroot_is_pinned_apart_from_the_base_and_holds_what_the_link_needs()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);
        var sysroots = Path.Combine(temp.Path, "sysroots");
        var diagnostics = new RecordingDiagnostics();

        var folder = Sysroot(new PackageSettings(lockFile), sysroots).Prepare("arm64", "linux-arm64", diagnostics);

        Assert.IsNotNull(folder, Describe(diagnostics));
        var written = PackageLock.Read(lockFile)!;
        Assert.AreEqual(0, written.Packages.Count, "the base's pins are not the sysroot's");
        CollectionAssert.AreEquivalent(CrossSysroot.Packages.ToArray(), written.Sysroot!.Select(p => p.Name).ToArray());
        Assert.IsTrue(written.Sysroot!.All(p => p.Architecture == "arm64"));
        StringAssert.Contains(File.ReadAllText(lockFile), "\"sysroot\": [");
        foreach (var file in new[] { "usr/lib/aarch64-linux-gnu/crt1.o", "usr/lib/aarch64-linux-gnu/libc.so", "lib/aarch64-linux-gnu/libc.so.6" })
            Assert.IsTrue(File.Exists(Path.Combine(folder, file)), file);
        Assert.AreEqual(ElfMachine.AArch64, ElfFile.TryRead(Path.Combine(folder, "lib/aarch64-linux-gnu/libc.so.6"))!.Machine);
        var gcc = Directory.GetDirectories(Path.Combine(folder, "usr/lib/gcc/aarch64-linux-gnu")).Single();
        Assert.IsTrue(File.Exists(Path.Combine(gcc, "crtbeginS.o")) && File.Exists(Path.Combine(gcc, "libgcc.a")), gcc);
        foreach (var link in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(p => new FileInfo(p)).Where(f => f.LinkTarget is not null))
            Assert.IsFalse(link.LinkTarget!.StartsWith('/'), $"{link.FullName} -> {link.LinkTarget} leaves the sysroot");

        var again = Sysroot(new PackageSettings(lockFile, LockedMode: true), sysroots).Prepare("arm64", "linux-arm64", new RecordingDiagnostics());
        Assert.AreEqual(folder, again, "the same pins give the same folder, reused");
    }

    [TestMethod]
    public void The_base_keeps_its_pins_when_the_sysroot_is_added_and_the_sysroot_keeps_its_own_when_the_base_writes()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);
        var basePin = LockedPackage.From(DebianArchiveFixture.Index.Newest("libc6")!, ["glibc"]);
        File.WriteAllText(lockFile, (PackageLock.Empty(["bookworm"]) with { Packages = [basePin] }).ToJson());

        Assert.IsNotNull(Sysroot(new PackageSettings(lockFile), Path.Combine(temp.Path, "sysroots")).Prepare("arm64", "linux-arm64", new RecordingDiagnostics()));

        var written = PackageLock.Read(lockFile)!;
        Assert.AreEqual(basePin.Sha256, written.Packages.Single().Sha256);
        Assert.AreEqual(CrossSysroot.Packages.Count, written.Sysroot!.Count);
        var reread = PackageLock.Read(lockFile)! with { Packages = [] };
        Assert.AreEqual(CrossSysroot.Packages.Count, PackageLock.Read(WriteTo(temp, reread))!.Sysroot!.Count, "a lock written with 'with' keeps the section");
    }

    [TestMethod]
    public void In_locked_mode_a_lock_without_the_sysroot_section_is_slim4053_and_stays_as_it_was()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);
        var text = PackageLock.Empty(["bookworm"]).ToJson();
        File.WriteAllText(lockFile, text);
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(Sysroot(new PackageSettings(lockFile, LockedMode: true), Path.Combine(temp.Path, "sysroots")).Prepare("arm64", "linux-arm64", diagnostics));

        Assert.AreEqual(SlimDiagnostics.PackageNotLocked, diagnostics.Items.Single().Diagnostic);
        StringAssert.Contains((string)diagnostics.Items.Single().Args[1], "NativeAOT sysroot for linux-arm64");
        Assert.AreEqual(text, File.ReadAllText(lockFile));
        Assert.IsFalse(text.Contains("sysroot"), "a lock with no sysroot writes no empty section");
    }

    [TestMethod]
    public void An_absolute_link_points_inside_the_sysroot()
    {
        Assert.AreEqual("../../../../../lib/aarch64-linux-gnu/libgcc_s.so.1",
            SysrootFolder.RelativeLink("usr/lib/gcc/aarch64-linux-gnu/12/libgcc_s.so", "/lib/aarch64-linux-gnu/libgcc_s.so.1"));
        Assert.AreEqual("libm.so.6", SysrootFolder.RelativeLink("lib/aarch64-linux-gnu/libm.so", "libm.so.6"));
    }

    private static string WriteTo(TempFolder temp, PackageLock lockFile)
    {
        var path = Path.Combine(temp.Path, "other.lock.json");
        File.WriteAllText(path, lockFile.ToJson());
        return path;
    }
}
