using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Tests.Image;

[TestClass]
public sealed class ReproducibleTarWriterTests
{
    private static readonly ImageEpoch Epoch = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    // Sizes around the 512-byte block and the 10240-byte record, where padding goes wrong first.
    private static readonly int[] Sizes = [0, 1, 511, 512, 513, 10_239, 10_240, 10_241, 300_001];

    [TestMethod]
    public void Writes_byte_for_byte_what_sharpziplibs_tar_stream_writes_so_no_cached_layer_changes_digest()
    {
        var ours = new MemoryStream();
        using (var tar = new ReproducibleTarWriter(ours, Epoch))
        {
            tar.AddDirectory("app", ReproducibleTarWriter.DirectoryMode);
            tar.AddSymlink("app/link", "/usr/lib/target");
            foreach (var size in Sizes)
                tar.AddFile($"app/f{size}", ReproducibleTarWriter.FileMode, size, new MemoryStream(Content(size)));
            tar.AddFile("app/bytes", 0x1ED, Content(700), userId: 1654, groupId: 1654);
        }

        var reference = new MemoryStream();
        using (var tar = new TarOutputStream(reference, Encoding.UTF8) { IsStreamOwner = false })
        {
            Put(tar, "app/", TarHeader.LF_DIR, ReproducibleTarWriter.DirectoryMode, null);
            Put(tar, "app/link", TarHeader.LF_SYMLINK, 0x1FF, null, linkName: "/usr/lib/target");
            foreach (var size in Sizes)
                Put(tar, $"app/f{size}", TarHeader.LF_NORMAL, ReproducibleTarWriter.FileMode, Content(size));
            Put(tar, "app/bytes", TarHeader.LF_NORMAL, 0x1ED, Content(700), owner: 1654);
        }

        Assert.AreEqual(0, ours.Length % 10_240, "a tar ends on a whole 20-block record");
        CollectionAssert.AreEqual(reference.ToArray(), ours.ToArray());
    }

    [TestMethod]
    public void A_stream_shorter_or_longer_than_its_size_is_an_error_naming_the_path()
    {
        using var tar = new ReproducibleTarWriter(new MemoryStream(), Epoch);
        var shorter = Assert.ThrowsExactly<IOException>(() => tar.AddFile("app/short", ReproducibleTarWriter.FileMode, 10, new MemoryStream(Content(9))));
        StringAssert.Contains(shorter.Message, "app/short");
        var longer = Assert.ThrowsExactly<IOException>(() => tar.AddFile("app/long", ReproducibleTarWriter.FileMode, 10, new MemoryStream(Content(11))));
        StringAssert.Contains(longer.Message, "app/long");
    }

    private static byte[] Content(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 31 + 7))];

    private static void Put(TarOutputStream tar, string name, byte type, int mode, byte[]? content, string linkName = "", int owner = 0)
    {
        tar.PutNextEntry(new TarEntry(new TarHeader
        {
            Name = name, TypeFlag = type, Mode = mode, Size = content?.Length ?? 0, LinkName = linkName,
            UserId = owner, GroupId = owner, UserName = "", GroupName = "", ModTime = Epoch.Time.UtcDateTime,
        }));
        if (content is not null)
            tar.Write(content, 0, content.Length);
        tar.CloseEntry();
    }
}
