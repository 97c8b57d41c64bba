using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Archive;

[TestClass]
public sealed class ArchiveReadingTests
{
    [TestMethod]
    [DataRow("usr/.wh.foo", "usr/foo", null)]
    [DataRow(".wh.foo", "foo", null)]
    [DataRow("usr/.wh..wh..opq", null, "usr")]
    [DataRow(".wh..wh..opq", null, "")]
    [DataRow("usr/foo.wh.bar", null, null)]
    public void Whiteouts_name_the_path_or_the_folder_they_delete(string path, string? target, string? opaqueFolder)
    {
        Assert.AreEqual(target, Whiteout.Target(path));
        Assert.AreEqual(opaqueFolder, Whiteout.OpaqueFolder(path));
    }

    [TestMethod]
    public void Entry_names_lose_dot_slash_prefixes_and_edge_slashes_and_blobs_live_under_their_algorithm()
    {
        Assert.AreEqual("usr/lib", ArchivePath.Normalize("././usr/lib/"));
        Assert.AreEqual("etc/passwd", ArchivePath.Normalize("/etc/passwd"));
        Assert.AreEqual("blobs/sha256/ab12", ArchivePath.Blob("sha256:ab12"));
    }

    [TestMethod]
    public void A_layer_reads_the_same_gzipped_or_plain()
    {
        var tar = Tar(("./app/hello", "hi"), ("app/", null));
        Assert.AreEqual("app/hello=2,app/=dir", Describe(new MemoryStream(tar)));
        Assert.AreEqual("app/hello=2,app/=dir", Describe(new MemoryStream(Gzip(tar))));
    }

    [TestMethod]
    public void One_pass_opens_each_wanted_layer_once_and_skips_the_rest()
    {
        using var temp = new TempFolder();
        var first = Gzip(Tar(("a", "1")));
        var second = Tar(("b/c", "22"));
        var archive = temp.File("image.tar", Tar(
            ("index.json", "{}"),
            ("blobs/sha256/01", Encoding.Latin1.GetString(first)),
            ("./blobs/sha256/02", Encoding.Latin1.GetString(second)),
            ("blobs/sha256/01", Encoding.Latin1.GetString(first))));
        var read = new List<string>();

        ImageArchiveReader.ForEachLayer(archive, new HashSet<string> { "blobs/sha256/01", "blobs/sha256/02", "blobs/sha256/03" }, (member, layer) =>
        {
            while (layer.GetNextEntry() is { } entry)
                read.Add($"{member}:{entry.Name}");
        });

        CollectionAssert.AreEqual(new[] { "blobs/sha256/01:a", "blobs/sha256/02:b/c" }, read);
    }

    private static string Describe(Stream blob)
    {
        var entries = new List<string>();
        LayerTar.Read(blob, tar =>
        {
            while (tar.GetNextEntry() is { } entry)
                entries.Add(ArchivePath.Normalize(entry.Name) + (entry.EntryType == TarEntryType.Directory ? "/=dir" : "=" + entry.Length)
                    + (LayerTar.IsRegularFile(entry.EntryType) || entry.EntryType == TarEntryType.Directory ? "" : "?"));
        });
        return string.Join(",", entries);
    }

    /// <param name="entries">A name and its text (Latin-1, so bytes pass through), or null for a folder.</param>
    private static byte[] Tar(params (string Name, string? Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var writer = new TarWriter(bytes, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                var entry = new PaxTarEntry(text is null ? TarEntryType.Directory : TarEntryType.RegularFile, name);
                if (text is not null)
                    entry.DataStream = new MemoryStream(Encoding.Latin1.GetBytes(text));
                writer.WriteEntry(entry);
            }
        return bytes.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return bytes.ToArray();
    }
}
