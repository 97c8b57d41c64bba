using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>
/// SlimSmokeRun with the real podman (set up as this machine needs it, with its own storage) on images of a
/// static program: it exits 0 as a console app; a missing entrypoint cannot start; a "service" that exits at
/// once is not up.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class SmokeRunTests
{
    private static TempFolder _temp = null!;
    private static SmokeRun _smoke = null!;

    [ClassInitialize]
    public static void SetUp(TestContext _)
    {
        ImageArchiveTests.RequireOrSkip("podman");
        _temp = new TempFolder();
        var conf = _temp.File("containers.conf", System.Text.Encoding.ASCII.GetBytes("[containers]\ndefault_ulimits = []\n"));
        Environment.SetEnvironmentVariable("CONTAINERS_CONF", conf);
        _smoke = new SmokeRun(new ToolRunner(TimeSpan.FromMinutes(2)), "podman",
            ["--root", Path.Combine(_temp.Path, "root"), "--runroot", Path.Combine(_temp.Path, "run"),
             "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--runtime", "runc"], []);
    }

    [ClassCleanup]
    public static void TearDown() => _temp?.Dispose();

    private static (string Archive, ImageFileSystem Image) Write(string name, ImageConfig config)
    {
        var folder = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(folder);
        var program = NativeFixtures.StaticExecutable(folder, TinyImage.Greeting);
        var layer = new LayerWriter(TinyImage.Epoch).Write(
            [LayerEntry.FromFile("app/hello", program, executable: true), LayerEntry.FromText("etc/passwd", CheckImage.Passwd)],
            Path.Combine(folder, "layer.tar.gz"));
        var archive = Path.Combine(folder, "image.tar");
        new OciArchiveWriter(TinyImage.Epoch).Write(ImageDocuments.Create(config, [new ImageLayer(layer, "app")], new ManifestAnnotations(), TinyImage.Epoch),
            [$"localhost/slim-smoke-{name}:1"], archive);
        return (archive, ImageFileSystem.Read(archive));
    }

    [TestMethod]
    public void A_console_image_that_exits_0_passes_and_one_that_cannot_start_fails()
    {
        var (archive, image) = Write("good", CheckImage.Config(entrypoint: "/app/hello"));
        var good = _smoke.Run(archive, image.Run, "").Single();
        Assert.AreEqual(SlimDiagnostics.SmokeRunConsoleFailed, good.Diagnostic);
        Assert.IsNull(good.Finding.Problem, string.Join(" / ", good.Finding.Evidence));
        StringAssert.Contains(good.Finding.Evidence[1], TinyImage.Greeting);

        var (brokenArchive, broken) = Write("broken", CheckImage.Config(entrypoint: "/app/nothere"));
        var bad = _smoke.Run(brokenArchive, broken.Run, "").Single();
        Assert.IsNotNull(bad.Finding.Problem, bad.Finding.Summary);
        Assert.AreNotEqual(0, bad.Finding.Problem[1]);
    }

    [TestMethod]
    public void A_service_that_exits_at_once_is_not_up()
    {
        var config = CheckImage.Config(entrypoint: "/app/hello") with { Ports = [new Slim.Build.Tasks.Container.ContainerPort(18089, "tcp")] };
        var (archive, image) = Write("service", config);
        var results = _smoke.Run(archive, image.Run, "/healthz");
        var up = results.Single();
        Assert.AreEqual("smoke-service-up", up.Name);
        Assert.IsNotNull(up.Finding.Problem, up.Finding.Summary);
        StringAssert.Contains(string.Join(" ", up.Finding.Evidence), "running: False");
    }
}
