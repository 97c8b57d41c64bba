using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Files;

/// <summary>Slim.Gzip, built beside the task assembly as in the package, run by the dotnet on PATH.</summary>
[TestClass]
public sealed class GzipProcessStreamTests
{
    /// <summary>The program's threshold in these tests: a megabyte, not the 64 MiB a publish uses, so the program's path runs quickly.</summary>
    private const int OutOfProcessBytes = 1 << 20;

    private static string Program() => GzipProcessStream.FindProgram() ?? throw new AssertFailedException(
        "Slim.Gzip.dll is not beside Slim.Build.Tasks.dll: the task project copies it there");

    private static byte[] Data(int length)
    {
        var random = new Random(length);
        var text = "System.Private.CoreLib libssl.so.3 /usr/share/zoneinfo "u8.ToArray();
        return [.. Enumerable.Range(0, length).Select(i => random.Next(40) == 0 ? (byte)random.Next(256) : text[i % text.Length])];
    }

    private static byte[] InProcess(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, 6))
            gzip.Write(data);
        return output.ToArray();
    }

    [TestMethod]
    public void The_program_gives_the_very_bytes_the_task_process_gives()
    {
        var data = Data(3 * ParallelGzipStream.BlockSize + 999);
        using var output = new MemoryStream();

        using (var gzip = GzipProcessStream.TryStart(Program(), output, 6)!)
            for (var offset = 0; offset < data.Length; offset += 70_000)
                gzip.Write(data, offset, Math.Min(70_000, data.Length - offset));

        CollectionAssert.AreEqual(InProcess(data), output.ToArray());
    }

    [TestMethod]
    public void A_program_that_fails_is_an_error_naming_it_not_a_short_layer()
    {
        using var temp = new TempFolder();
        var broken = temp.File("Slim.Gzip.dll", "not an assembly"u8.ToArray());
        using var output = new MemoryStream();

        var error = Assert.ThrowsExactly<IOException>(() =>
        {
            using var gzip = GzipProcessStream.TryStart(broken, output, 6)!;
            gzip.Write(new byte[1000]);
        });

        StringAssert.Contains(error.Message, "Slim.Gzip.dll failed");
    }

    [TestMethod]
    public void A_large_layer_written_through_the_program_has_the_digest_of_one_written_in_process()
    {
        using var temp = new TempFolder();
        var file = temp.File("app/big", Data(OutOfProcessBytes + 5_000));
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromFile("app/big", file, executable: true)];

        var outOfProcess = new LayerWriter(ImageEpoch.Default, gzipProgram: Program(), outOfProcessBytes: OutOfProcessBytes).Write(entries, Path.Combine(temp.Path, "a.tar.gz"));
        var inProcess = new LayerWriter(ImageEpoch.Default).Write(entries, Path.Combine(temp.Path, "b.tar.gz"));

        Assert.AreEqual(inProcess with { Path = "" }, outOfProcess with { Path = "" });
    }
}
