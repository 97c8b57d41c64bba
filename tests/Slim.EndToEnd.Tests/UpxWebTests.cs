using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// SlimUpx=true on a NativeAOT web app in the PackageReference form (the Web SDK's own EventSource
/// default arrives before the package's targets): small, passes upx -t, still serves, reports the wire truth.
/// </summary>
[TestClass]
public sealed class UpxWebTests
{
    private static TestApp _app = null!;
    private static PublishResult _first = null!;
    private static string Executable => Path.Combine(_first.PublishDirectory, _app.Name);

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        _app = TestApp.SlimBuilderWeb("UpxWeb", SlimForm.PackageReference, "<PublishAot>true</PublishAot><SlimUpx>true</SlimUpx>");
        _first = _app.Publish();
        Assert.AreEqual(0, _first.ExitCode, _first.Describe());
    }

    [TestMethod]
    public async Task The_packed_executable_is_small_passes_upx_test_and_serves()
    {
        var size = Files.Size(Executable);
        Assert.IsTrue(size <= 5_200_000, $"packed web executable is {size} bytes, over 5,200,000");
        StringAssert.Contains(_first.Output, "EventSourceSupport=false", "the safe switch the Web SDK would have turned on");
        var test = ProcessRunner.Run("upx", ["-t", Executable], _first.PublishDirectory);
        Assert.AreEqual(0, test.ExitCode, "upx -t: " + test.Output);
        Assert.AreEqual("Hello World!", await TestApp.GetFromRunningApp(Executable, TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void The_report_gives_disk_and_wire_sizes_and_the_console_says_the_wire_truth()
    {
        var report = Files.Json(Path.Combine(_first.SlimDirectory, "report.json"));
        var upx = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "upx");
        var file = upx.GetProperty("files").EnumerateArray().Single();
        Assert.AreEqual("packed", file.GetProperty("action").GetString());
        Assert.AreEqual(Files.Size(Executable), file.GetProperty("after").GetInt64());
        var before = file.GetProperty("before").GetInt64();
        var gzipBefore = file.GetProperty("gzipBefore").GetInt64();
        var gzipAfter = file.GetProperty("gzipAfter").GetInt64();
        Assert.IsTrue(upx.GetProperty("bytesSaved").GetInt64() > before / 2, upx.ToString());
        Assert.IsTrue(gzipAfter < gzipBefore && gzipBefore < before, upx.ToString());
        Assert.IsTrue(file.GetProperty("gzipRatio").GetDouble() > file.GetProperty("ratio").GetDouble(), "UPX should save less on the wire than on disk: " + file);
        StringAssert.Contains(_first.Output, $"Slim: upx packed {_app.Name}: ");
        StringAssert.Contains(_first.Output, "on disk but only");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_first.SlimDirectory, "report.md")), "### UPX");
    }

    [TestMethod]
    public void A_second_publish_does_no_upx_work_and_ships_the_packed_file_again()
    {
        var packedCopy = Directory.EnumerateFiles(Path.Combine(_app.Directory, "obj"), _app.Name, SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').Contains("/slim/upx/"));
        var packedAt = File.GetLastWriteTimeUtc(packedCopy);

        var second = _app.Publish();

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        Assert.AreEqual(packedAt, File.GetLastWriteTimeUtc(packedCopy), "UPX ran again on an unchanged publish");
        CollectionAssert.AreEqual(File.ReadAllBytes(packedCopy), File.ReadAllBytes(Executable),
            "NativeAOT's CopyNativeBinary put the unpacked executable back");
    }
}
