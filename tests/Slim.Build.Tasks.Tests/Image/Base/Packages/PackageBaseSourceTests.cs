using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>The IBaseSource the image step asks: it writes the lock, names its source, and reports bad input as SLIM errors.</summary>
[TestClass]
public sealed class PackageBaseSourceTests
{
    private static BaseRequest Request(TempFolder temp, PackageSettings settings, string rid = "linux-x64", RuntimeNeeds? needs = null) =>
        new(new BaseReference(BaseKind.Auto, "auto"), new ImagePlatform(rid == "linux-arm64" ? "arm64" : "amd64"), rid,
            needs ?? HostMachine.Needs("/usr/bin/true"), [], Framework: false, "App", "", RunsDotnet: false, PruneRuntimePieces: true, null,
            temp.Path, DebianArchiveFixture.CacheRoot, "") { Packages = settings };

    [TestMethod]
    public void The_first_resolve_writes_the_lock_and_the_base_says_it_is_made_of_packages()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);
        var diagnostics = new RecordingDiagnostics();

        var image = new PackageBaseSource().Resolve(Request(temp, new PackageSettings(lockFile)), diagnostics);

        Assert.IsNotNull(image, string.Join("; ", diagnostics.Items.Select(i => i.Diagnostic + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual("packages", image.Summary.Kind);
        StringAssert.Contains(image.Summary.Name, $"assembled from {image.Packages.Count} Debian 12 packages pinned in slim.packages.lock.json");
        var written = PackageLock.Read(lockFile)!;
        CollectionAssert.AreEquivalent(new[] { "base-files", "libc6" }, written.Packages.Select(p => p.Name).ToArray());
        Assert.IsTrue(diagnostics.Messages.Any(m => m.Contains("pins 2 Debian package(s)", StringComparison.Ordinal)), string.Join("\n", diagnostics.Messages));
        var before = File.ReadAllText(lockFile);
        Assert.IsNotNull(new PackageBaseSource().Resolve(Request(temp, new PackageSettings(lockFile, LockedMode: true)), new RecordingDiagnostics()));
        Assert.AreEqual(before, File.ReadAllText(lockFile));
    }

    [TestMethod]
    public void A_damaged_lock_is_slim4056_and_stays_as_it_was()
    {
        using var temp = new TempFolder();
        var lockFile = temp.File(PackageLock.FileName, "{\"lockVersion\": 1, \"packages\": [ "u8.ToArray());
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(new PackageBaseSource().Resolve(Request(temp, new PackageSettings(lockFile)), diagnostics));

        var error = diagnostics.Items.Single(i => i.Level == "error");
        Assert.AreEqual(SlimDiagnostics.PackageLockInvalid, error.Diagnostic);
        Assert.AreEqual(lockFile, error.Args[0]);
        Assert.AreEqual("{\"lockVersion\": 1, \"packages\": [ ", File.ReadAllText(lockFile));
    }

    [TestMethod]
    public void A_keyring_that_does_not_exist_or_does_not_sign_the_archive_is_refused()
    {
        using var temp = new TempFolder();
        var missing = new RecordingDiagnostics();
        var wrong = new RecordingDiagnostics();

        new PackageBaseSource().Resolve(Request(temp, new PackageSettings(Path.Combine(temp.Path, "a.lock.json"), Keyring: "/nowhere/keyring.gpg")), missing);
        new PackageBaseSource().Resolve(Request(temp, new PackageSettings(Path.Combine(temp.Path, "b.lock.json"),
            Mirror: DebianArchiveFixture.Sources[0].Uri, Keyring: "/usr/share/keyrings/debian-archive-bullseye-stable.gpg")), wrong);

        Assert.AreEqual(SlimDiagnostics.PackageKeyringMissing, missing.Items.Single().Diagnostic);
        Assert.AreEqual("/nowhere/keyring.gpg", missing.Items.Single().Args[0]);
        var unverified = wrong.Items.Single();
        Assert.AreEqual(SlimDiagnostics.PackageReleaseUnverified, unverified.Diagnostic);
        StringAssert.EndsWith((string)unverified.Args[0], "/dists/bookworm/InRelease");
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "b.lock.json")), "nothing is locked from an archive that is not trusted");
    }

    /// <summary>Debian's archive serves only the current version: a lock written before a security update pins a .deb that is gone.</summary>
    [TestMethod]
    public void A_locked_version_the_archive_no_longer_has_is_slim4061_naming_the_update_target()
    {
        using var temp = new TempFolder();
        var cache = new PackageCache(temp.Path);
        var gone = new LockedPackage("base-files", "12.0", "amd64", "base-files", "bookworm", "pool/main/b/base-files/base-files_12.0_amd64.deb", 70000,
            new string('0', 64), ["os-release"]);
        var lockFile = PackageLock.Empty(["bookworm"]) with { Packages = [gone] };
        var fetcher = new PackageFetcher(lockFile, DebianArchiveFixture.Archive(cache, DebianArchiveFixture.Sources), cache, DebianArchiveFixture.Downloader(cache),
            "amd64", false, "lock");

        var error = Assert.ThrowsExactly<SlimException>(() => fetcher.Get("base-files", "os-release"));

        Assert.AreEqual(SlimDiagnostics.PackageLockedVersionGone, error.Diagnostic);
        StringAssert.Contains((string)error.Args[0], "base-files 12.0");
        StringAssert.Contains((string)error.Args[1], "base-files_12.0_amd64.deb: HTTP 404");
    }

    [TestMethod]
    public void With_no_archive_known_and_nothing_cached_the_error_says_to_set_a_mirror()
    {
        using var temp = new TempFolder();
        var cache = new PackageCache(temp.Path);
        var fetcher = new PackageFetcher(null, DebianArchiveFixture.Archive(cache, []), cache, DebianArchiveFixture.Downloader(cache), "amd64", false, "lock");

        var error = Assert.ThrowsExactly<SlimException>(() => fetcher.Get("libc6", "glibc"));

        Assert.AreEqual(SlimDiagnostics.PackageNoArchive, error.Diagnostic);
        StringAssert.Contains((string)error.Args[0], "libc6");
    }

    [TestMethod]
    public void An_arm64_base_comes_from_the_arm64_packages_with_the_aarch64_loader()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);
        var diagnostics = new RecordingDiagnostics();
        var needs = HostMachine.Needs("/usr/bin/true") with { NativeLibraries = [] };

        var image = new PackageBaseSource().Resolve(Request(temp, new PackageSettings(lockFile), "linux-arm64", needs), diagnostics);

        Assert.IsNotNull(image, string.Join("; ", diagnostics.Items.Select(i => i.Diagnostic + " " + string.Join(" | ", i.Args))));
        var entries = image.Planned[0].Entries;
        Assert.IsTrue(entries.Any(e => e.Path == "lib/aarch64-linux-gnu/libc.so.6"), "glibc's arm64 build");
        Assert.IsTrue(entries.Any(e => e.Path == "lib/ld-linux-aarch64.so.1"), "the aarch64 PT_INTERP path");
        Assert.AreEqual(ElfMachine.AArch64, ElfFile.TryRead(entries.Single(e => e.Path == "lib/aarch64-linux-gnu/libc.so.6").SourceFile!)!.Machine);
        Assert.AreEqual("arm64", PackageLock.Read(lockFile)!.Find("libc6", "arm64")!.Architecture);
    }
}
