using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>SlimUpdatePackageLock against the machine's real, signed Debian archive: old pins move, current ones stay, the file is written only on a change.</summary>
[TestClass]
public sealed class PackageLockUpdaterTests
{
    // Versions Debian 12 really shipped before its current ones: bookworm's first glibc and an older tzdata.
    private const string OldLibc = "2.36-9";
    private const string OldTzdata = "2025b-0+deb12u1";

    private static LockedPackage Locked(string name, string? olderVersion = null)
    {
        var entry = DebianArchiveFixture.Index.Newest(name) ?? throw new AssertFailedException($"{name} is not in the archive");
        var locked = LockedPackage.From(entry, [$"need of {name}"]);
        return olderVersion is null ? locked : locked with
        {
            Version = olderVersion,
            Path = $"pool/main/x/{name}/{name}_{olderVersion}_{entry.Architecture}.deb",
            Sha256 = new string('0', 64),
        };
    }

    private static string WriteLock(TempFolder temp, params LockedPackage[] packages) =>
        temp.File(PackageLock.FileName, System.Text.Encoding.UTF8.GetBytes(
            (PackageLock.Empty(["bookworm", "bookworm-updates", "bookworm-security"]) with { Packages = packages }).ToJson()));

    private static (bool Passed, RecordingBuildEngine Engine) Update(string lockFile, bool allowExpired = false)
    {
        var engine = new RecordingBuildEngine();
        var task = new SlimUpdatePackageLock
        {
            BuildEngine = engine, PackageLockFile = lockFile, CacheDirectory = DebianArchiveFixture.CacheRoot, PackageAllowExpiredRelease = allowExpired,
        };
        return (task.Execute(), engine);
    }

    private static string SlimLines(RecordingBuildEngine engine) =>
        string.Join("\n", engine.Messages.Select(m => m.Message).Concat(engine.Errors.Select(e => e.Message)));

    [TestMethod]
    public void Older_locked_versions_move_to_the_archives_newest_and_one_console_line_names_each()
    {
        using var temp = new TempFolder();
        var current = Locked("base-files");
        var lockFile = WriteLock(temp, current, Locked("libc6", OldLibc), Locked("tzdata", OldTzdata));
        var newLibc = Locked("libc6");
        var newTzdata = Locked("tzdata");
        Assert.IsTrue(DebianVersion.Compare(newLibc.Version, OldLibc) > 0 && DebianVersion.Compare(newTzdata.Version, OldTzdata) > 0,
            $"the archive's {newLibc.Version} and {newTzdata.Version} are newer than the old pins");

        var (passed, engine) = Update(lockFile);

        Assert.IsTrue(passed, SlimLines(engine));
        var line = engine.Messages.Where(m => m.Message!.StartsWith("Slim: ", StringComparison.Ordinal)).Single();
        Assert.AreEqual(Microsoft.Build.Framework.MessageImportance.High, line.Importance);
        Assert.AreEqual($"Slim: slim.packages.lock.json: libc6 {OldLibc} -> {newLibc.Version}, tzdata {OldTzdata} -> {newTzdata.Version}", line.Message);
        var written = PackageLock.Read(lockFile)!;
        var libc = written.Find("libc6", "amd64")!;
        Assert.AreEqual(newLibc.Version, libc.Version);
        Assert.AreEqual(newLibc.Sha256, libc.Sha256, "the signed index's SHA-256 is pinned");
        Assert.AreEqual(newLibc.Path, libc.Path);
        CollectionAssert.AreEqual(new[] { "need of libc6" }, libc.NeededFor.ToArray(), "why the package is there does not change");
        Assert.AreEqual(current, written.Find("base-files", "amd64")! with { NeededFor = current.NeededFor }, "a current pin keeps its entry");
        Assert.AreEqual(newTzdata.Version, written.Find("tzdata", "amd64")!.Version);
        Assert.IsNotNull(DebianArchiveFixture.Cache.Find(newLibc.Sha256), "the new .deb is in the cache, checked against its SHA-256");
        Assert.IsNotNull(DebianArchiveFixture.Cache.Find(newTzdata.Sha256));
    }

    [TestMethod]
    public void A_sysroot_pin_moves_in_its_own_section_and_the_base_keeps_its_own()
    {
        using var temp = new TempFolder();
        var basePin = Locked("base-files");
        var lockFile = temp.File(PackageLock.FileName, System.Text.Encoding.UTF8.GetBytes(
            (PackageLock.Empty(["bookworm", "bookworm-updates", "bookworm-security"]) with { Packages = [basePin], Sysroot = [Locked("libc6", OldLibc)] }).ToJson()));

        var (passed, engine) = Update(lockFile);

        Assert.IsTrue(passed, SlimLines(engine));
        var updated = PackageLock.Read(lockFile)!;
        Assert.AreEqual(basePin.Sha256, updated.Packages.Single().Sha256, "the base's pins stay the base's");
        Assert.AreEqual(Locked("libc6").Version, updated.Sysroot!.Single().Version, "the sysroot's libc6 moved to the archive's newest");
        StringAssert.Contains(SlimLines(engine), $"libc6 {OldLibc} -> ");
    }

    [TestMethod]
    public void An_up_to_date_lock_is_not_written_and_the_line_says_so()
    {
        using var temp = new TempFolder();
        var lockFile = WriteLock(temp, Locked("base-files"), Locked("libc6"), Locked("tzdata"));
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(lockFile, written);
        var before = File.ReadAllText(lockFile);

        var (passed, engine) = Update(lockFile);

        Assert.IsTrue(passed, SlimLines(engine));
        CollectionAssert.Contains(engine.Messages.Select(m => m.Message).ToList(), "Slim: slim.packages.lock.json is up to date (3 packages)");
        Assert.AreEqual(before, File.ReadAllText(lockFile));
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(lockFile), "the lock was not rewritten");
    }

    [TestMethod]
    public void A_locked_package_the_archive_lacks_fails_with_slim4054_and_leaves_the_lock_as_it_was()
    {
        using var temp = new TempFolder();
        var gone = Locked("libc6", OldLibc) with { Name = "libslim-no-such-package1" };
        var lockFile = WriteLock(temp, Locked("libc6", OldLibc), gone);
        var before = File.ReadAllText(lockFile);

        var (passed, engine) = Update(lockFile);

        Assert.IsFalse(passed);
        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM4054", error.Code);
        StringAssert.Contains(error.Message, "libslim-no-such-package1");
        Assert.AreEqual(before, File.ReadAllText(lockFile), "libc6 moves only when every package could be updated");
    }

    [TestMethod]
    public void Without_a_lock_there_is_nothing_to_update_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, PackageLock.FileName);

        var (passed, engine) = Update(lockFile);

        Assert.IsTrue(passed, SlimLines(engine));
        StringAssert.Contains(SlimLines(engine), "there is no " + lockFile);
        Assert.IsFalse(File.Exists(lockFile));
    }

    [TestMethod]
    public void The_line_names_an_architecture_only_where_the_lock_moved_on_some_of_them()
    {
        LockedPackage Entry(string name, string architecture, string version) =>
            new(name, version, architecture, name, "bookworm", $"pool/{name}_{version}_{architecture}.deb", 1, new string('a', 64), []);
        var oldSsl = Entry("libssl3", "amd64", "3.0.15-1~deb12u1");
        var newSsl = oldSsl with { Version = "3.0.16-1~deb12u1" };
        var armFrom = oldSsl with { Architecture = "arm64" };
        var armTo = newSsl with { Architecture = "arm64" };
        var tz = Entry("tzdata", "all", "2025a-0+deb12u1");
        var tzTo = tz with { Version = "2025b-0+deb12u1" };
        var empty = PackageLock.Empty(["bookworm"]);

        var both = new PackageLockUpdate(empty with { Packages = [newSsl, armTo, tzTo] }, [(oldSsl, newSsl), (armFrom, armTo), (tz, tzTo)]);
        var one = new PackageLockUpdate(empty with { Packages = [newSsl, armFrom] }, [(oldSsl, newSsl)]);
        var none = new PackageLockUpdate(empty with { Packages = [oldSsl, armFrom, tz] }, []);

        Assert.AreEqual("slim.packages.lock.json: libssl3 3.0.15-1~deb12u1 -> 3.0.16-1~deb12u1, tzdata 2025a-0+deb12u1 -> 2025b-0+deb12u1", both.Summary(PackageLock.FileName));
        Assert.AreEqual("slim.packages.lock.json: libssl3 3.0.15-1~deb12u1 -> 3.0.16-1~deb12u1 (amd64)", one.Summary(PackageLock.FileName));
        Assert.AreEqual("slim.packages.lock.json is up to date (3 packages for amd64, arm64)", none.Summary(PackageLock.FileName));
    }
}
