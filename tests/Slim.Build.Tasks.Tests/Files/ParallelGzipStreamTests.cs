using System.IO.Compression;
using ICSharpCode.SharpZipLib.GZip;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.Image;

namespace Slim.Build.Tasks.Tests.Files;

[TestClass]
public sealed class ParallelGzipStreamTests
{
    private const int Block = ParallelGzipStream.BlockSize;

    /// <summary>Text-like bytes that compress, with matches that reach back across block boundaries.</summary>
    private static byte[] Compressible(int length)
    {
        var words = "libssl libcrypto zoneinfo Europe/Berlin System.Private.CoreLib ICU culture invariant "u8.ToArray();
        var random = new Random(length);
        var data = new byte[length];
        for (var i = 0; i < length; i++)
            data[i] = random.Next(50) == 0 ? (byte)random.Next(256) : words[(i * 7 + i / 97) % words.Length];
        return data;
    }

    private static byte[] Random(int length)
    {
        var data = new byte[length];
        new Random(length + 1).NextBytes(data);
        return data;
    }

    private static byte[] Compress(byte[] data, int writeSize = 81_920, int level = 6)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, level))
            for (var offset = 0; offset < data.Length; offset += writeSize)
                gzip.Write(data, offset, Math.Min(writeSize, data.Length - offset));
        return output.ToArray();
    }

    public static IEnumerable<object[]> Sizes() =>
        new[] { 0, 1, 100, Block - 1, Block, Block + 1, 3 * Block + 12_345 }.Select(n => new object[] { n });

    [TestMethod]
    [DynamicData(nameof(Sizes))]
    public void Every_gzip_reader_gets_back_exactly_what_was_written(int length)
    {
        foreach (var data in new[] { Compressible(length), Random(length) })
        {
            var compressed = Compress(data);

            using (var dotnet = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress))
                CollectionAssert.AreEqual(data, ReadAll(dotnet), ".NET's GZipStream (zlib) reads it");
            using (var sharp = new GZipInputStream(new MemoryStream(compressed)))
                CollectionAssert.AreEqual(data, ReadAll(sharp), "SharpZipLib reads it, CRC and length checked");
        }
    }

    [TestMethod]
    public void Gzip_the_program_reads_it_as_one_member_with_a_valid_crc()
    {
        var data = Compressible(2 * Block + 777);
        var path = Path.Combine(Path.GetTempPath(), $"slim-pgz-{Guid.NewGuid():N}.gz");
        try
        {
            File.WriteAllBytes(path, Compress(data));
            Tool.Run("gzip", "-t", path);
            StringAssert.Contains(Tool.Run("gzip", "-l", path), (2 * Block + 777).ToString(), "gzip -l reads one member's length from the trailer");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void The_bytes_depend_on_the_input_only_not_on_how_it_was_written()
    {
        var data = Compressible(2 * Block + 4_000);

        var whole = Compress(data, writeSize: data.Length);
        CollectionAssert.AreEqual(whole, Compress(data, writeSize: 1_000));
        CollectionAssert.AreEqual(whole, Compress(data, writeSize: Block));
        CollectionAssert.AreNotEqual(whole, Compress(data, level: 1), "the level is in the bytes");
    }

    [TestMethod]
    public void The_header_holds_no_time_no_name_and_os_255()
    {
        var compressed = Compress(Compressible(1000));

        CollectionAssert.AreEqual(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }, compressed[..10]);
    }

    [TestMethod]
    public void Blocks_compress_within_one_percent_of_a_single_stream()
    {
        var data = Compressible(6 * Block);
        using var single = new MemoryStream();
        using (var gzip = new GZipOutputStream(single) { IsStreamOwner = false })
        {
            gzip.SetLevel(6);
            gzip.Write(data);
        }

        var parallel = Compress(data).Length;

        Assert.IsTrue(parallel < single.Length * 1.01, $"parallel {parallel} bytes, one stream {single.Length} bytes");
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
