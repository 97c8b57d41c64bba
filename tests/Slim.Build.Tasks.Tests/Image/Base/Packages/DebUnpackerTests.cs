using System.Security.Cryptography;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>Real .deb files from the archive, read by Slim and held against dpkg-deb's reading of the same file.</summary>
[TestClass]
public sealed class DebUnpackerTests
{
    [TestMethod]
    [DataRow("zlib1g")]
    [DataRow("tzdata")]
    public void Every_file_link_and_control_field_is_dpkg_debs(string package)
    {
        var (deb, entry) = DebianArchiveFixture.Deb(package);
        using var temp = new TempFolder();

        var contents = DebUnpacker.Unpack(deb, Path.Combine(temp.Path, "unpacked"));

        Assert.AreEqual(entry.Name, contents.Control.Name);
        Assert.AreEqual(entry.Version, contents.Control.Version);
        Assert.AreEqual(HostMachine.Run("dpkg-deb", "-f", deb, "Depends"), contents.Control.Field("Depends") ?? "");
        var reference = Path.Combine(temp.Path, "dpkg");
        HostMachine.Run("dpkg-deb", "-x", deb, reference);
        var files = contents.Entries.Where(e => e.Kind == LayerEntryKind.File).ToList();
        var expectedFiles = Directory.EnumerateFiles(reference, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Select(f => Path.GetRelativePath(reference, f)).Order(StringComparer.Ordinal).ToList();
        var actualFiles = files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expectedFiles, actualFiles,
            $"only dpkg-deb: {string.Join(", ", expectedFiles.Except(actualFiles).Take(5))}; only Slim: {string.Join(", ", actualFiles.Except(expectedFiles).Take(5))}");
        foreach (var file in files)
            CollectionAssert.AreEqual(SHA256.HashData(File.ReadAllBytes(Path.Combine(reference, file.Path))), SHA256.HashData(File.ReadAllBytes(contents.FileOf(file))), file.Path);
        foreach (var link in contents.Entries.Where(e => e.Kind == LayerEntryKind.Symlink))
            Assert.AreEqual(new FileInfo(Path.Combine(reference, link.Path)).LinkTarget, link.LinkTarget, link.Path);
        if (!OperatingSystem.IsWindows())
            foreach (var file in files)
                Assert.AreEqual((int)File.GetUnixFileMode(Path.Combine(reference, file.Path)) & 0x1FF, file.Mode, file.Path);
    }

    /// <summary>
    /// Measured: two publishes at once unpacked base-files together, and the one that finished second deleted the
    /// folder the first was reading (SLIM3002, etc/debian_version not found).
    /// </summary>
    [TestMethod]
    public void Publishes_unpacking_the_same_package_at_once_never_take_away_a_folder_another_reads()
    {
        var (deb, _) = DebianArchiveFixture.Deb("zlib1g");
        using var temp = new TempFolder();
        for (var round = 0; round < 5; round++)
        {
            var folder = Path.Combine(temp.Path, "unpacked-" + round);
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ =>
            {
                var contents = DebUnpacker.Unpack(deb, folder);
                var file = contents.Entries.First(e => e.Kind == LayerEntryKind.File);
                for (var read = 0; read < 200; read++)
                    if (!File.Exists(contents.FileOf(file)))
                        failures.Add($"round {round}: {contents.FileOf(file)} went away while it was read");
            });
            Assert.IsTrue(failures.IsEmpty, string.Join("\n", failures.Distinct().Take(3)));
            Assert.AreEqual(0, Directory.GetDirectories(temp.Path, "*.slim-tmp").Length, "a copy was left behind");
        }
    }

    [TestMethod]
    public void A_cut_short_or_foreign_file_is_no_package()
    {
        var (deb, _) = DebianArchiveFixture.Deb("zlib1g");
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(deb);
        var cut = temp.File("cut.deb", bytes[..(bytes.Length / 2)]);
        var text = temp.File("text.deb", "not a package"u8.ToArray());

        var cutError = Assert.ThrowsExactly<InvalidDataException>(() => DebUnpacker.Unpack(cut, Path.Combine(temp.Path, "cut")));
        var textError = Assert.ThrowsExactly<InvalidDataException>(() => DebUnpacker.Unpack(text, Path.Combine(temp.Path, "text")));

        StringAssert.Contains(cutError.Message, "cut short");
        StringAssert.Contains(textError.Message, "not an ar archive");
        Assert.IsFalse(Directory.Exists(Path.Combine(temp.Path, "cut")), "nothing half unpacked is left to be taken as whole");
    }
}
