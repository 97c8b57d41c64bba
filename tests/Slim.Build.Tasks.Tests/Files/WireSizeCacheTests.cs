using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Files;

/// <summary>The report's gzipped total: kept per file between publishes, measured again only where a file changed.</summary>
[TestClass]
public sealed class WireSizeCacheTests
{
    /// <summary>The program's threshold in these tests: a megabyte, not the 64 MiB a publish uses, so the program's path runs quickly.</summary>
    private const int OutOfProcessBytes = 1 << 20;

    private static byte[] Text(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (byte)('a' + random.Next(6)))];
    }

    [TestMethod]
    public void The_total_is_the_sum_of_each_file_gzipped_and_a_large_file_gives_the_same_size_through_Slim_Gzip()
    {
        using var temp = new TempFolder();
        temp.File("pub/small.dll", Text(10_000, 1));
        temp.File("pub/runtimes/big.so", Text(OutOfProcessBytes + 1_000, 2));
        var publish = Path.Combine(temp.Path, "pub");
        var expected = WireSize.Gzip(Path.Combine(publish, "small.dll")) + WireSize.Gzip(Path.Combine(publish, "runtimes/big.so"));

        var withProgram = new WireSizeCache(null, GzipProcessStream.FindProgram()!, outOfProcessBytes: OutOfProcessBytes).Total(publish, ["small.dll", "runtimes/big.so"]);

        Assert.AreEqual(expected, withProgram);
        Assert.IsTrue(expected < 600_000, $"{expected}: six letters gzip to well under half");
    }

    [TestMethod]
    public void A_republish_measures_only_the_file_whose_bytes_changed_and_forgets_files_that_went()
    {
        using var temp = new TempFolder();
        var app = temp.File("pub/app.dll", Text(20_000, 1));
        temp.File("pub/runtime.so", Text(50_000, 2));
        temp.File("pub/gone.txt", Text(1_000, 3));
        var publish = Path.Combine(temp.Path, "pub");
        var cacheFile = Path.Combine(temp.Path, "obj", "wire-sizes.json");
        new WireSizeCache(cacheFile, null).Total(publish, ["app.dll", "runtime.so", "gone.txt"]);

        // A kept size is trusted while the bytes hash the same: a doctored one shows that it was not measured again.
        var doctored = File.ReadAllText(cacheFile).Replace(
            $"\"wire\": {WireSize.Gzip(Path.Combine(publish, "runtime.so"))}", "\"wire\": 7");
        File.WriteAllText(cacheFile, doctored);
        File.WriteAllBytes(app, Text(30_000, 4));
        // Rewritten with the same bytes (as ILLink rewrites every trimmed assembly): still not measured again.
        File.WriteAllBytes(Path.Combine(publish, "runtime.so"), Text(50_000, 2));

        var total = new WireSizeCache(cacheFile, null).Total(publish, ["app.dll", "runtime.so"]);

        Assert.AreEqual(WireSize.Gzip(app) + 7, total);
        StringAssert.DoesNotMatch(File.ReadAllText(cacheFile), new System.Text.RegularExpressions.Regex("gone\\.txt"));
    }

    [TestMethod]
    public void Sizes_kept_by_another_compressor_or_a_broken_file_are_measured_again()
    {
        using var temp = new TempFolder();
        temp.File("pub/app.dll", Text(20_000, 1));
        var publish = Path.Combine(temp.Path, "pub");
        var cacheFile = Path.Combine(temp.Path, "wire-sizes.json");
        var truth = new WireSizeCache(cacheFile, null).Total(publish, ["app.dll"]);

        File.WriteAllText(cacheFile, File.ReadAllText(cacheFile).Replace(WireSize.Format, "gzip zlib level 9").Replace($"\"wire\": {truth}", "\"wire\": 7"));
        Assert.AreEqual(truth, new WireSizeCache(cacheFile, null).Total(publish, ["app.dll"]));

        File.WriteAllText(cacheFile, "{ not json");
        Assert.AreEqual(truth, new WireSizeCache(cacheFile, null).Total(publish, ["app.dll"]));
        StringAssert.Contains(File.ReadAllText(cacheFile), WireSize.Format);
    }

    [TestMethod]
    public void A_clean_publish_takes_the_sizes_of_bytes_measured_before_from_the_shared_file_and_measures_new_bytes()
    {
        using var temp = new TempFolder();
        var runtime = temp.File("one/pub/runtime.so", Text(50_000, 2));
        temp.File("two/pub/runtime.so", Text(50_000, 2));
        var app = temp.File("two/pub/app.dll", Text(20_000, 1));
        var shared = Path.Combine(temp.Path, "user-cache", "wire-sizes.json");
        var real = WireSize.Gzip(runtime);
        Assert.AreEqual(real, new WireSizeCache(Path.Combine(temp.Path, "one", "obj", "wire-sizes.json"), null, shared).Total(Path.Combine(temp.Path, "one", "pub"), ["runtime.so"]));

        // Make the shared size recognisable: only a cache that took it from the shared file, not by compressing, gives it.
        File.WriteAllText(shared, File.ReadAllText(shared).Replace($"\"wire\": {real}", "\"wire\": 7"));
        var total = new WireSizeCache(Path.Combine(temp.Path, "two", "obj", "wire-sizes.json"), null, shared).Total(Path.Combine(temp.Path, "two", "pub"), ["runtime.so", "app.dll"]);

        Assert.AreEqual(7 + WireSize.Gzip(app), total, "another project's clean publish: the runtime's size from the shared file, the app's measured");
        StringAssert.Contains(File.ReadAllText(shared), $"\"wire\": {WireSize.Gzip(app)}", "the new bytes' size joins the shared file");
    }
}
