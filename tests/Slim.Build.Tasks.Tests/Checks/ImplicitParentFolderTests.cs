using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>
/// A valid layer may leave out its parent-folder entries (etc/passwd with no etc/): a container runtime creates
/// them, so the checklist reads the merged tree the same way and finds the file.
/// </summary>
[TestClass]
public sealed class ImplicitParentFolderTests
{
    [TestMethod]
    public void A_layer_with_etc_passwd_and_no_etc_entry_lists_the_user_and_its_folders_are_implicit()
    {
        using var temp = new TempFolder();
        var layer = RawLayer(temp, "bare.tar.gz", ("etc/passwd", CheckImage.Passwd), ("app/data/settings.json", "{}"));
        var image = Archive(temp, layer);

        var finding = new NonRootUserCheck().Run(CheckImage.Context(image));

        Assert.IsNull(finding.Problem, finding.Summary);
        Assert.IsTrue(ImageAccounts.Read(image).Exists);
        Assert.AreEqual(ImageEntryKind.Directory, image.Resolve("/etc")?.Kind);
        Assert.AreEqual(ImageEntryKind.File, image.Resolve("/app/data/settings.json")?.Kind);
        Assert.AreEqual(ImageEntryKind.Directory, image.Entry("app/data")?.Kind);
        Assert.IsNull(new WorkingDirectoryCheck().Run(CheckImage.Context(image)).Problem, "/app is there through app/data/settings.json");
        // The negative control: a user the file does not list still fails.
        Assert.IsNotNull(new NonRootUserCheck().Run(CheckImage.Context(Archive(temp, layer, user: "4242"))).Problem);
    }

    private static ImageFileSystem Archive(TempFolder temp, LayerBlob layer, string user = "1654")
    {
        var documents = ImageDocuments.Create(CheckImage.Config(user: user), [new ImageLayer(layer, "bare")], new ManifestAnnotations(), TinyImage.Epoch);
        var archive = Path.Combine(temp.Path, $"image-{user}.tar");
        new OciArchiveWriter(TinyImage.Epoch).Write(documents, ["localhost/bare:1"], archive);
        return ImageFileSystem.Read(archive);
    }

    /// <summary>A gzip tar holding only the given files, with no folder entries at all.</summary>
    private static LayerBlob RawLayer(TempFolder temp, string name, params (string Path, string Text)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (entryPath, text) in files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryPath)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)), Mode = (UnixFileMode)0x1A4, ModificationTime = TinyImage.Epoch.Time,
                });
        var tarBytes = tar.ToArray();
        var path = Path.Combine(temp.Path, name);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            gzip.Write(tarBytes);
        var gz = File.ReadAllBytes(path);
        return new LayerBlob(path, Sha256(gz), gz.Length, Sha256(tarBytes), tarBytes.Length, files.Sum(f => f.Text.Length));
    }

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
