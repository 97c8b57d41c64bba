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
/// once is not up; a static HTTP service that exits 0 on SIGTERM passes, one that ignores SIGTERM or exits
/// non-zero on it fails the stop check.
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

    private static (string Archive, ImageFileSystem Image) Write(string name, ImageConfig config, Func<string, string>? build = null)
    {
        var folder = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(folder);
        var program = build?.Invoke(folder) ?? NativeFixtures.StaticExecutable(folder, TinyImage.Greeting);
        var layer = new LayerWriter(TinyImage.Epoch).Write(
            [LayerEntry.FromFile("app/hello", program, executable: true), LayerEntry.FromText("etc/passwd", CheckImage.Passwd)],
            Path.Combine(folder, "layer.tar.gz"));
        var archive = Path.Combine(folder, "image.tar");
        new OciArchiveWriter(TinyImage.Epoch).Write(ImageDocuments.Create(config, [new ImageLayer(layer, "app")], new ManifestAnnotations(), TinyImage.Epoch),
            [$"localhost/slim-smoke-{name}:1"], archive);
        return (archive, ImageFileSystem.Read(archive));
    }

    [TestMethod]
    public void An_engine_that_cannot_run_containers_is_named_as_the_problem_and_a_working_one_is_not()
    {
        Assert.IsNull(_smoke.EngineProblem(), "podman with the test's own store works");
        var docker = _temp.File("docker", System.Text.Encoding.ASCII.GetBytes(
            "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2\nexit 1\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var problem = new SmokeRun(new ToolRunner(TimeSpan.FromSeconds(30)), docker, [], []).EngineProblem();
        StringAssert.Contains(problem, "info' exited 1");
        StringAssert.Contains(problem, "Cannot connect to the Docker daemon");
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
        var config = CheckImage.Config(entrypoint: "/app/hello") with { Ports = [new Slim.Build.Tasks.Container.ContainerPort(FreePort(), "tcp")] };
        var (archive, image) = Write("service", config);
        var results = _smoke.Run(archive, image.Run, "/healthz");
        var up = results.Single();
        Assert.AreEqual("smoke-service-up", up.Name);
        Assert.IsNotNull(up.Finding.Problem, up.Finding.Summary);
        StringAssert.Contains(string.Join(" ", up.Finding.Evidence), "running: False");

        var diagnostics = new RecordingDiagnostics();
        ImageChecker.Report(up.Name, up.Diagnostic, up.Finding, ChecksAsErrors.Of(false, []), diagnostics);
        Assert.AreEqual("SLIM7021", diagnostics.Warnings.Single().Code);
        var message = DiagnosticText.Single(diagnostics, SlimDiagnostics.SmokeRunServiceDown);
        // It exited at once: it never had the 30 seconds a message about a slow start would claim.
        StringAssert.Contains(message, "SlimSmokeRun: the service in the image 'localhost/slim-smoke-service:1' stopped before it answered http://127.0.0.1:");
        StringAssert.Contains(message, "SlimHealthPath");
    }

    /// <summary>A port no one listens on now: the services run on the host's network, so two test runs at once must not share one.</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static IReadOnlyList<(string Name, SlimDiagnostic Diagnostic, CheckFinding Finding)> RunService(string name, int port, int? exitOnTerm)
    {
        var config = CheckImage.Config(entrypoint: "/app/hello") with { Ports = [new Slim.Build.Tasks.Container.ContainerPort(port, "tcp")] };
        var (archive, image) = Write(name, config, folder => NativeFixtures.StaticHttpService(folder, port, exitOnTerm));
        return _smoke.Run(archive, image.Run, "/healthz");
    }

    [TestMethod]
    public void A_service_that_answers_its_health_path_as_its_user_and_exits_0_on_SIGTERM_passes_both_checks()
    {
        var port = FreePort();
        var results = RunService("healthy", port, exitOnTerm: 0);
        CollectionAssert.AreEqual(new[] { "smoke-service-up", "smoke-service-stop" }, results.Select(r => r.Name).ToArray());
        var up = results[0].Finding;
        Assert.IsNull(up.Problem, string.Join(" / ", up.Evidence));
        CollectionAssert.Contains(up.Evidence.ToList(), $"GET http://127.0.0.1:{port}/healthz: 200");
        StringAssert.Matches(up.Evidence.Single(e => e.StartsWith("process user: ")), new System.Text.RegularExpressions.Regex("^process user: (app|1654)$"));
        var stop = results[1].Finding;
        Assert.IsNull(stop.Problem, string.Join(" / ", stop.Evidence));
        StringAssert.StartsWith(stop.Evidence[0], "exit code 0 ");
    }

    [TestMethod]
    public void A_service_that_ignores_SIGTERM_or_exits_non_zero_on_it_fails_the_stop_check_with_the_exit_code_and_seconds()
    {
        var ignoring = RunService("ignores-term", FreePort(), exitOnTerm: null);
        Assert.IsNull(ignoring[0].Finding.Problem, string.Join(" / ", ignoring[0].Finding.Evidence));
        var killed = ignoring[1].Finding;
        Assert.AreEqual(SlimDiagnostics.SmokeRunStopFailed, ignoring[1].Diagnostic);
        Assert.IsNotNull(killed.Problem, killed.Summary);
        Assert.AreEqual("137", killed.Problem[2], "killed after the grace period: " + killed.Evidence[0]);
        Assert.IsTrue(double.Parse((string)killed.Problem[3], System.Globalization.CultureInfo.InvariantCulture) >= SmokeRun.GraceSeconds, killed.Evidence[0]);

        var failing = RunService("exits-3", FreePort(), exitOnTerm: 3);
        Assert.AreEqual("3", failing[1].Finding.Problem?[2], string.Join(" / ", failing[1].Finding.Evidence));
    }
}
