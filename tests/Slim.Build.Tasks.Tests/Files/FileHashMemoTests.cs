using System.Security.Cryptography;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Files;

/// <summary>A file is read again only when its size or write time changed; what the memo says is what the bytes hash to.</summary>
[TestClass]
public sealed class FileHashMemoTests
{
    private static string Real(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    [TestMethod]
    public void An_unchanged_file_is_not_read_again_and_a_rewritten_one_is()
    {
        using var temp = new TempFolder();
        var file = temp.File("runtime/libcoreclr.so", [1, 2, 3, 4]);
        var memo = Path.Combine(temp.Path, "cache", "file-hashes.memo");
        var first = new FileHashMemo(memo);
        Assert.AreEqual(Real(file), first.Sha256(file));
        first.Save();
        Assert.IsTrue(File.Exists(memo));

        // Other bytes under the same size and time: only a memo that did not read the file again still gives the old hash.
        var time = File.GetLastWriteTimeUtc(file);
        var oldHash = Real(file);
        File.WriteAllBytes(file, [9, 9, 9, 9]);
        File.SetLastWriteTimeUtc(file, time);
        Assert.AreEqual(oldHash, new FileHashMemo(memo).Sha256(file), "the memo read a file whose size and time are unchanged");

        // Rewritten (a new write time, as ILLink or a runtime update leave it): read and hashed again.
        File.SetLastWriteTimeUtc(file, time.AddSeconds(1));
        Assert.AreEqual(Real(file), new FileHashMemo(memo).Sha256(file));
        File.WriteAllBytes(file, [1, 2, 3, 4, 5]);
        Assert.AreEqual(Real(file), new FileHashMemo(memo).Sha256(file));
    }

    [TestMethod]
    public void A_damaged_memo_or_none_hashes_the_bytes()
    {
        using var temp = new TempFolder();
        var file = temp.File("app.dll", [5, 6, 7]);
        var memo = temp.File("file-hashes.memo", "{\"/x\": {\"Length\": "u8.ToArray());
        Assert.AreEqual(Real(file), new FileHashMemo(memo).Sha256(file));
        Assert.AreEqual(Real(file), new FileHashMemo(null).Sha256(file));
    }
}
