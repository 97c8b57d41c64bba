using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

[TestClass]
public sealed class FileSha256Tests
{
    [TestMethod]
    public void A_files_hash_is_what_sha256sum_prints_in_upper_case()
    {
        using var temp = new TempFolder();
        var bytes = new byte[3 * 1024 * 1024 + 7];
        new Random(29).NextBytes(bytes);
        var file = temp.File("data.bin", bytes);
        var empty = temp.File("empty.bin", []);

        foreach (var path in new[] { file, empty })
            Assert.AreEqual(HostMachine.Run("sha256sum", path).Split(' ')[0].ToUpperInvariant(), FileSha256.Hex(path), path);
    }

    [TestMethod]
    public void An_open_files_hash_is_its_whole_content_and_leaves_the_readers_position_alone()
    {
        using var temp = new TempFolder();
        var bytes = new byte[300_007];
        new Random(31).NextBytes(bytes);
        using var file = File.OpenRead(temp.File("data.bin", bytes));
        file.Position = 1234;

        Assert.AreEqual(HostMachine.Run("sha256sum", file.Name).Split(' ')[0].ToUpperInvariant(), Convert.ToHexString(FileSha256.Of(file.SafeFileHandle)));
        Assert.AreEqual(1234, file.Position);
    }
}
