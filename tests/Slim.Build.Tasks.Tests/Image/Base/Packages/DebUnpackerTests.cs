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
