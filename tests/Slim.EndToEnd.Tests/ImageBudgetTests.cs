using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// Image size is Slim's headline figure. The cheapest image Slim builds, a framework-dependent console app's, stays
/// within a bound; the report states the size its archive has; and the image budgets fail the publish one byte
/// under the measured figures (SLIM6005 on the wire, SLIM6006 unpacked) and pass at them.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class ImageBudgetTests
{
    /// <summary>Measured 2026-12-06 (runtime 10.0.12): 37,380,605 B on the wire (base 4.6 MB, Microsoft.NETCore.App 32.8 MB, app 36 KB).</summary>
    private const long WireBound = 42_000_000;
    /// <summary>Measured 2026-12-06: 87,060,480 B unpacked.</summary>
    private const long UnpackedBound = 100_000_000;

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static OciArchive _archive = null!;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        _app = TestApp.Console("BudgetConsole", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>");
        _publish = _app.Publish();
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
        _archive = OciArchive.Read(Path.Combine(_publish.SlimDirectory, "image.tar"));
    }

    [TestMethod]
    public void The_image_stays_within_its_bound_and_the_report_states_the_archive_s_size()
    {
        var image = Files.Json(Path.Combine(_publish.SlimDirectory, "report.json")).GetProperty("image");
        Assert.AreEqual(_archive.WireBytes, image.GetProperty("wireBytes").GetInt64(), "report.json's wireBytes against the archive's layers");
        Assert.AreEqual(_archive.UnpackedBytes, image.GetProperty("unpackedBytes").GetInt64(), "report.json's unpackedBytes against the layers gunzipped");
        Assert.IsTrue(_archive.WireBytes < WireBound, $"the image is {_archive.WireBytes:N0} B on the wire, over {WireBound:N0} B");
        Assert.IsTrue(_archive.UnpackedBytes < UnpackedBound, $"the image unpacks to {_archive.UnpackedBytes:N0} B, over {UnpackedBound:N0} B");
        // The run's own layer cache (SlimFeed's XDG_CACHE_HOME) took the layers, not the user's ~/.cache/slim.
        var layers = Path.Combine(SlimFeed.RunRoot, "cache", "slim", "layers");
        Assert.IsTrue(Directory.Exists(layers) && Directory.EnumerateFiles(layers, "*.tar.gz").Any(), "no layer in the run's cache " + layers);
    }

    [TestMethod]
    public void One_byte_under_the_wire_size_fails_with_SLIM6005_and_the_unpacked_size_itself_passes()
    {
        var over = _app.Republish($"-p:SlimMaxImageSize={_archive.WireBytes - 1}", $"-p:SlimMaxImageUnpackedSize={_archive.UnpackedBytes}");

        Assert.AreNotEqual(0, over.ExitCode, over.Describe());
        StringAssert.Contains(over.Output, "error SLIM6005: The image is ", over.Describe());
        Assert.IsFalse(over.Output.Contains("SLIM6006"), "the unpacked size itself is within SlimMaxImageUnpackedSize:\n" + over.Output);
    }

    [TestMethod]
    public void One_byte_under_the_unpacked_size_fails_with_SLIM6006_and_the_wire_size_itself_passes()
    {
        var over = _app.Republish($"-p:SlimMaxImageSize={_archive.WireBytes}", $"-p:SlimMaxImageUnpackedSize={_archive.UnpackedBytes - 1}");

        Assert.AreNotEqual(0, over.ExitCode, over.Describe());
        StringAssert.Contains(over.Output, "error SLIM6006: The image unpacks to ", over.Describe());
        Assert.IsFalse(over.Output.Contains("SLIM6005"), "the wire size itself is within SlimMaxImageSize:\n" + over.Output);
    }
}
