using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Files;

[TestClass]
public sealed class ByteSizeTests
{
    [TestMethod]
    [DataRow("0", 0L)]
    [DataRow("500000", 500_000L)]
    [DataRow("12B", 12L)]
    [DataRow("12KB", 12_000L)]
    [DataRow("12MB", 12_000_000L)]
    [DataRow("12mb", 12_000_000L)]
    [DataRow("2GB", 2_000_000_000L)]
    [DataRow("12KiB", 12_288L)]
    [DataRow("12MiB", 12_582_912L)]
    [DataRow("1GiB", 1_073_741_824L)]
    [DataRow("1.5MB", 1_500_000L)]
    [DataRow(" 16 MB ", 16_000_000L)]
    public void Parses_sizes_with_decimal_and_binary_units(string text, long expected)
    {
        Assert.IsTrue(ByteSize.TryParse(text, out var size), $"'{text}' should parse");
        Assert.AreEqual(expected, size.Bytes);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("-1")]
    [DataRow("-1MB")]
    [DataRow("12XB")]
    [DataRow("12 XB")]
    [DataRow("MB")]
    [DataRow("1.5B")]
    [DataRow("1,5MB")]
    [DataRow("twelve")]
    [DataRow("99999999999GB")]
    public void Refuses_what_is_not_a_size(string text)
    {
        Assert.IsFalse(ByteSize.TryParse(text, out _), $"'{text}' should not parse");
    }

    [TestMethod]
    public void Prints_human_and_exact_bytes()
    {
        Assert.AreEqual("12.35 MB (12,345,678 B)", new ByteSize(12_345_678).ToString());
        Assert.AreEqual("999 B", ByteSize.Human(999));
        Assert.AreEqual("1.5 KB", ByteSize.Human(1_500));
        Assert.AreEqual("2.1 GB", ByteSize.Human(2_100_000_000));
    }
}
