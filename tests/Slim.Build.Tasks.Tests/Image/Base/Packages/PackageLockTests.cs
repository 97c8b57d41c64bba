using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

[TestClass]
public sealed class PackageLockTests
{
    private static readonly LockedPackage Libc6 = new("libc6", "2.36-9+deb12u10", "amd64", "glibc", "bookworm",
        "pool/main/g/glibc/libc6_2.36-9+deb12u10_amd64.deb", 2_757_936, new string('c', 64), ["glibc"]);
    private static readonly LockedPackage Tzdata = new("tzdata", "2025b-0+deb12u1", "all", "tzdata", "bookworm-updates",
        "pool/main/t/tzdata/tzdata_2025b-0+deb12u1_all.deb", 260_000, new string('d', 64), ["tzdata"]);

    [TestMethod]
    public void Written_and_read_back_the_lock_is_the_same_and_finds_by_architecture()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, PackageLock.FileName);
        var written = PackageLock.Empty(["bookworm", "bookworm-updates"]) with { Packages = [Tzdata, Libc6] };
        File.WriteAllText(path, written.ToJson());

        var read = PackageLock.Read(path)!;

        Assert.AreEqual(written.ToJson(), read.ToJson());
        StringAssert.Contains(File.ReadAllText(path), "\"version\": \"2.36-9+deb12u10\"", "versions read as Debian writes them");
        Assert.AreEqual("libc6", read.Packages[0].Name, "sorted by name, then architecture: the same lock gives the same bytes");
        Assert.AreEqual(Libc6, read.Find("libc6", "amd64")! with { NeededFor = Libc6.NeededFor });
        Assert.IsNull(read.Find("libc6", "arm64"));
        Assert.AreEqual("tzdata", read.Find("tzdata", "arm64")!.Name, "an Architecture: all package serves every architecture");
        Assert.IsNull(PackageLock.Read(Path.Combine(temp.Path, "none.json")));
    }

    [TestMethod]
    public void The_acceptance_reader_finds_every_package_with_its_version_and_hash()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, PackageLock.FileName);
        File.WriteAllText(path, (PackageLock.Empty(["bookworm"]) with { Packages = [Libc6, Tzdata] }).ToJson());

        var lines = HostMachine.Run("python3", "/work/shared/acceptance/lib/lock_read.py", path).Split('\n');

        CollectionAssert.AreEqual(new[] { $"libc6 {Libc6.Version} {Libc6.Sha256}", $"tzdata {Tzdata.Version} {Tzdata.Sha256}" }, lines);
    }

    [TestMethod]
    [DataRow("{ not json", "not valid JSON")]
    [DataRow("""{"lockVersion":1,"distribution":"ubuntu","release":"noble","releaseVersion":"24.04","suites":[],"packages":[]}""", "ubuntu noble")]
    [DataRow("""{"lockVersion":2,"distribution":"debian","release":"bookworm","releaseVersion":"12","suites":[],"packages":[]}""", "lock version 2")]
    [DataRow("""{"lockVersion":1,"distribution":"debian","release":"bookworm","releaseVersion":"12","suites":[],"packages":[{"name":"libc6","version":"1","path":"p","sha256":"XYZ"}]}""", "'libc6'")]
    public void A_damaged_lock_or_one_of_another_distribution_says_what_is_wrong(string json, string expected)
    {
        using var temp = new TempFolder();
        var path = temp.File(PackageLock.FileName, System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => PackageLock.Read(path));

        StringAssert.Contains(error.Message, expected);
    }
}
