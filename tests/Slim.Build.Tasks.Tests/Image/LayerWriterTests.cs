using System.Diagnostics;
using System.Security.Cryptography;
using ICSharpCode.SharpZipLib.Tar;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

[TestClass]
public sealed class LayerWriterTests
{
    private static readonly ImageEpoch Epoch = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    private static List<LayerEntry> SampleEntries(TempFolder temp) =>
    [
        LayerEntry.FromFile("app/hello", temp.File("src/hello", [1, 2, 3, 4, 5]), executable: true),
        LayerEntry.FromText("/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/app:/sbin/nologin\n"),
        LayerEntry.Folder("tmp", 0x3FF), // 01777
        LayerEntry.Link("usr/bin/hi", "/app/hello"),
        LayerEntry.FromFile("app/data.json", temp.File("src/data.json", "{}"u8.ToArray()), executable: false),
    ];

    [TestMethod]
    public void The_same_entries_give_the_same_bytes_and_digests_twice()
    {
        using var temp = new TempFolder();
        var first = new LayerWriter(Epoch).Write(SampleEntries(temp), Path.Combine(temp.Path, "one.tar.gz"));
        File.SetLastWriteTimeUtc(Path.Combine(temp.Path, "src/hello"), new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // host times do not count
        var second = new LayerWriter(Epoch).Write(SampleEntries(temp).AsEnumerable().Reverse(), Path.Combine(temp.Path, "two.tar.gz"));

        CollectionAssert.AreEqual(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.AreEqual(first with { Path = "" }, second with { Path = "" });
        var compressed = File.ReadAllBytes(first.Path);
        Assert.AreEqual("sha256:" + Convert.ToHexString(SHA256.HashData(compressed)).ToLowerInvariant(), first.Digest);
        Assert.AreEqual(compressed.LongLength, first.Size);
        var tar = LayerReader.Gunzip(first.Path);
        Assert.AreEqual("sha256:" + Convert.ToHexString(SHA256.HashData(tar)).ToLowerInvariant(), first.DiffId);
        Assert.AreEqual(tar.LongLength, first.UncompressedSize);
        Assert.AreEqual(5 + 2 + 72, first.ContentSize);

        var otherEpoch = new LayerWriter(ImageEpoch.Default).Write(SampleEntries(temp), Path.Combine(temp.Path, "three.tar.gz"));
        Assert.AreNotEqual(first.DiffId, otherEpoch.DiffId, "the epoch is in the bytes, so a different one must change the digest");
    }

    [TestMethod]
    public void Entries_come_sorted_with_every_parent_folder()
    {
        using var temp = new TempFolder();
        var layer = new LayerWriter(Epoch).Write(SampleEntries(temp), Path.Combine(temp.Path, "layer.tar.gz"));

        CollectionAssert.AreEqual(new[]
        {
            "app/", "app/data.json", "app/hello", "etc/", "etc/passwd", "tmp/", "usr/", "usr/bin/", "usr/bin/hi",
        }, LayerReader.Read(layer.Path).Select(e => e.Name).ToArray());
    }

    [TestMethod]
    public void Every_entry_has_its_mode_owner_root_with_empty_names_and_the_epoch()
    {
        using var temp = new TempFolder();
        var layer = new LayerWriter(Epoch).Write(SampleEntries(temp), Path.Combine(temp.Path, "layer.tar.gz"));
        var entries = LayerReader.Read(layer.Path).ToDictionary(e => e.Name);

        foreach (var entry in entries.Values)
        {
            Assert.AreEqual((0, 0, "", ""), (entry.UserId, entry.GroupId, entry.UserName, entry.GroupName), entry.Name);
            Assert.AreEqual(Epoch.Time.UtcDateTime, entry.ModTime, entry.Name);
        }
        Assert.AreEqual((TarHeader.LF_NORMAL, 0x1ED), (entries["app/hello"].Type, entries["app/hello"].Mode));
        Assert.AreEqual((TarHeader.LF_NORMAL, 0x1A4), (entries["etc/passwd"].Type, entries["etc/passwd"].Mode));
        Assert.AreEqual((TarHeader.LF_DIR, 0x3FF), (entries["tmp/"].Type, entries["tmp/"].Mode));
        Assert.AreEqual((TarHeader.LF_DIR, 0x1ED), (entries["usr/bin/"].Type, entries["usr/bin/"].Mode));
        Assert.AreEqual((TarHeader.LF_SYMLINK, 0x1FF, "/app/hello"), (entries["usr/bin/hi"].Type, entries["usr/bin/hi"].Mode, entries["usr/bin/hi"].LinkName));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5 }, entries["app/hello"].Content);
    }

    [TestMethod]
    public void A_folder_given_to_a_user_is_written_with_its_numeric_owner_and_the_rest_stays_root()
    {
        using var temp = new TempFolder();
        List<LayerEntry> entries = [.. SampleEntries(temp), LayerEntry.OwnedFolder("home/app", 0x1ED, 1654, 1654)];
        var layer = new LayerWriter(Epoch).Write(entries, Path.Combine(temp.Path, "layer.tar.gz"));
        var read = LayerReader.Read(layer.Path).ToDictionary(e => e.Name);

        Assert.AreEqual((1654, 1654, "", "", 0x1ED), (read["home/app/"].UserId, read["home/app/"].GroupId, read["home/app/"].UserName, read["home/app/"].GroupName, read["home/app/"].Mode));
        Assert.AreEqual((0, 0), (read["home/"].UserId, read["home/"].GroupId), "the parent folder Slim adds is root's");
        var listing = System.Text.RegularExpressions.Regex.Replace(Tool.Run("tar", "--numeric-owner", "--utc", "-tvzf", layer.Path), " +", " ");
        StringAssert.Contains(listing, "drwxr-xr-x 1654/1654 0 2023-11-14 22:13 home/app/");
        Assert.AreEqual(1, listing.Split('\n').Count(l => !l.Contains(" 0/0 ") && l.Trim().Length > 0), listing);
    }

    [TestMethod]
    public void Gnu_tar_lists_the_same_modes_owners_and_time()
    {
        using var temp = new TempFolder();
        var layer = new LayerWriter(Epoch).Write(SampleEntries(temp), Path.Combine(temp.Path, "layer.tar.gz"));
        var listing = System.Text.RegularExpressions.Regex.Replace(Tool.Run("tar", "--numeric-owner", "--utc", "-tvzf", layer.Path), " +", " ");

        StringAssert.Contains(listing, "drwxrwxrwt 0/0 0 2023-11-14 22:13 tmp/");
        StringAssert.Contains(listing, "-rwxr-xr-x 0/0 5 2023-11-14 22:13 app/hello");
        StringAssert.Contains(listing, "-rw-r--r-- 0/0 72 2023-11-14 22:13 etc/passwd");
        StringAssert.Contains(listing, "lrwxrwxrwx 0/0 0 2023-11-14 22:13 usr/bin/hi -> /app/hello");
        Assert.AreEqual(9, listing.Trim().Split('\n').Length, listing);
    }

    [TestMethod]
    public void The_gzip_header_holds_no_time_no_name_and_os_255()
    {
        using var temp = new TempFolder();
        var layer = new LayerWriter(Epoch).Write(SampleEntries(temp), Path.Combine(temp.Path, "layer.tar.gz"));
        var header = File.ReadAllBytes(layer.Path)[..10];

        // magic, deflate, no flags (no FNAME), MTIME 0 ("no time"), XFL 0, OS 255 ("unknown", the same on every OS)
        CollectionAssert.AreEqual(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }, header);
    }

    [TestMethod]
    public void A_path_over_100_bytes_round_trips_through_sharpziplib_and_gnu_tar()
    {
        using var temp = new TempFolder();
        var longPath = "app/" + string.Join('/', Enumerable.Range(0, 12).Select(i => $"folder-{i:00}-with-a-long-name")) + "/appsettings.Production.json";
        Assert.IsTrue(longPath.Length > 300, longPath);
        var layer = new LayerWriter(Epoch).Write([LayerEntry.FromText(longPath, "{\"a\":1}")], Path.Combine(temp.Path, "layer.tar.gz"));

        var entry = LayerReader.Read(layer.Path).Single(e => e.Type == TarHeader.LF_NORMAL);
        Assert.AreEqual(longPath, entry.Name);
        Assert.AreEqual("{\"a\":1}", System.Text.Encoding.UTF8.GetString(entry.Content));
        StringAssert.Contains(Tool.Run("tar", "-tzf", layer.Path), longPath + "\n");
        var extracted = Path.Combine(temp.Path, "x");
        Directory.CreateDirectory(extracted);
        Tool.Run("tar", "-xzf", layer.Path, "-C", extracted);
        Assert.AreEqual("{\"a\":1}", File.ReadAllText(Path.Combine(extracted, longPath)));
    }

    [TestMethod]
    [DataRow("app/wwwroot/café-ü.txt")]
    [DataRow("app/ресурсы/")]
    public void A_non_ascii_path_round_trips_as_utf8_short_or_long(string prefix)
    {
        using var temp = new TempFolder();
        var shortPath = prefix.TrimEnd('/') + "/a.txt";
        var longPath = prefix.TrimEnd('/') + "/" + string.Concat(Enumerable.Repeat("é-long-folder/", 40)) + "b.txt";
        var layer = new LayerWriter(Epoch).Write([LayerEntry.FromText(shortPath, "1"), LayerEntry.FromText(longPath, "2")], Path.Combine(temp.Path, "layer.tar.gz"));

        var files = LayerReader.Read(layer.Path).Where(e => e.Type == TarHeader.LF_NORMAL).ToDictionary(e => e.Name, e => System.Text.Encoding.UTF8.GetString(e.Content));
        Assert.AreEqual("1", files[shortPath]);
        Assert.AreEqual("2", files[longPath]);
        var listing = Tool.Run("tar", "-tzf", layer.Path);
        StringAssert.Contains(listing, shortPath + "\n");
        StringAssert.Contains(listing, longPath + "\n");
    }

    [TestMethod]
    public void A_symlink_target_over_100_bytes_round_trips_through_gnu_tar()
    {
        using var temp = new TempFolder();
        var target = "/usr/share/ca-certificates/mozilla/" + string.Concat(Enumerable.Repeat("Hellenic_Academic_and_Research_Institutions_", 3)) + "ECC_RootCA_2015.crt";
        var link = "etc/ssl/certs/" + new string('h', 120) + ".pem";
        var layer = new LayerWriter(Epoch).Write([LayerEntry.Link(link, target)], Path.Combine(temp.Path, "layer.tar.gz"));

        StringAssert.Contains(Tool.Run("tar", "-tvzf", layer.Path), $"{link} -> {target}\n");
        var types = TarBlocks.HeaderTypes(LayerReader.Gunzip(layer.Path));
        CollectionAssert.AreEqual(new[] { '5', '5', '5', 'L', 'K', '2' }, types.ToArray(), string.Concat(types));
    }

    [TestMethod]
    public void The_tar_holds_only_plain_ustar_headers_and_gnu_long_names_never_pax()
    {
        using var temp = new TempFolder();
        var longPath = "app/" + new string('x', 200);
        var layer = new LayerWriter(Epoch).Write([.. SampleEntries(temp), LayerEntry.FromText(longPath, "x")], Path.Combine(temp.Path, "layer.tar.gz"));

        var types = TarBlocks.HeaderTypes(LayerReader.Gunzip(layer.Path));
        CollectionAssert.IsSubsetOf(types.Distinct().ToArray(), new[] { '0', '2', '5', 'L' }, string.Concat(types));
        CollectionAssert.Contains(types, 'L');
    }

    [TestMethod]
    public void A_path_given_twice_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var error = Assert.ThrowsExactly<ArgumentException>(() => new LayerWriter(Epoch).Write(
            [LayerEntry.FromText("etc/passwd", "a"), LayerEntry.FromText("/etc/passwd/", "b")], Path.Combine(temp.Path, "layer.tar.gz")));
        StringAssert.Contains(error.Message, "'etc/passwd' twice");
        Assert.IsFalse(Directory.EnumerateFiles(temp.Path).Any(), "nothing is left behind");
    }

    [TestMethod]
    public void A_path_under_a_symlink_or_with_dot_dot_is_an_error()
    {
        using var temp = new TempFolder();
        var writer = new LayerWriter(Epoch);
        var underLink = Assert.ThrowsExactly<ArgumentException>(() => writer.Write(
            [LayerEntry.Link("lib", "usr/lib"), LayerEntry.FromText("lib/libc.so.6", "x")], Path.Combine(temp.Path, "a.tar.gz")));
        StringAssert.Contains(underLink.Message, "which it lists as a symlink");
        Assert.ThrowsExactly<ArgumentException>(() => writer.Write([LayerEntry.FromText("app/../etc/shadow", "x")], Path.Combine(temp.Path, "b.tar.gz")));
    }

    [TestMethod]
    public void A_30_MB_file_streams_into_a_layer_in_seconds()
    {
        using var temp = new TempFolder();
        var bytes = new byte[30_000_000];
        new Random(14).NextBytes(bytes.AsSpan(0, 10_000_000)); // a third incompressible, the rest zeros and text-like
        for (var i = 10_000_000; i < 20_000_000; i++)
            bytes[i] = (byte)("libcoreclr.so symbols "[i % 22]);
        var big = temp.File("big.so", bytes);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var layer = new LayerWriter(ImageEpoch.Default).Write([LayerEntry.FromFile("app/big.so", big, executable: false)], Path.Combine(temp.Path, "big.tar.gz"));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine($"30 MB layer: {clock.ElapsedMilliseconds} ms, {layer.Size} bytes compressed, {layer.UncompressedSize} bytes of tar, {allocated} bytes allocated");
        // SharpZipLib's tar writer allocates a little per 512-byte block (about 18 MB in all here, collected as it
        // goes); a layer buffered whole in memory would allocate at least its 30 MB on top.
        Assert.IsTrue(allocated < 30_000_000, $"the layer streams: {allocated} bytes allocated while writing 30 MB");
        Assert.AreEqual(30_000_000, layer.ContentSize);
        Assert.IsTrue(layer.UncompressedSize > 30_000_000 && layer.Size < 12_000_000, $"tar {layer.UncompressedSize} bytes, gzip {layer.Size} bytes");
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(30), $"writing a 30 MB layer took {clock.Elapsed}");
    }
}
