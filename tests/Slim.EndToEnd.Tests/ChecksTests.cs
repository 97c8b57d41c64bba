using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The production checklist on real images from one NativeAOT console app: on Slim's auto base every check
/// passes; on scratch (no loader, no libc) the interpreter and the libraries are flagged, and raising the code
/// fails the publish. The AOT compile is shared: only the base changes between the publishes.
/// </summary>
[TestClass]
public sealed class ChecksTests
{
    private static TestApp _app = null!;
    private static PublishResult _auto = null!;
    private static JsonElement _autoChecks;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        _app = TestApp.Console("ChecksApp", SlimForm.PackageReference, "<PublishAot>true</PublishAot>");
        _auto = _app.Publish();
        Assert.AreEqual(0, _auto.ExitCode, _auto.Describe());
        _autoChecks = Files.Json(Path.Combine(_auto.SlimDirectory, "report.json")).GetProperty("checks").Clone();
    }

    [TestMethod]
    public void On_the_auto_base_every_check_passes_and_the_report_lists_them()
    {
        var checks = _autoChecks.EnumerateArray().ToList();
        Assert.IsTrue(checks.Count >= 16, $"report.json lists {checks.Count} checks");
        var notPassing = checks.Where(c => c.GetProperty("status").GetString() != "pass")
            .Select(c => $"{c.GetProperty("code")} {c.GetProperty("name")}: {c.GetProperty("summary")}").ToList();
        Assert.AreEqual(0, notPassing.Count, string.Join("\n", notPassing));
        StringAssert.DoesNotMatch(_auto.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM70\d\d"), _auto.Output);
        var interpreter = checks.Single(c => c.GetProperty("code").GetString() == "SLIM7001");
        StringAssert.Contains(interpreter.GetProperty("evidence").ToString(), "ld-linux", "the evidence names the interpreter it found");
    }

    [TestMethod]
    public void On_scratch_the_missing_loader_and_libc_are_flagged_and_can_fail_the_publish()
    {
        var scratch = _app.Republish("-p:ContainerBaseImage=scratch");
        Assert.AreEqual(0, scratch.ExitCode, scratch.Describe());
        StringAssert.Matches(scratch.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7001: .*ld-linux"), scratch.Output);
        StringAssert.Matches(scratch.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7002: .*libc\.so\.6"), scratch.Output);
        var checks = Files.Json(Path.Combine(scratch.SlimDirectory, "report.json")).GetProperty("checks").EnumerateArray().ToList();
        Assert.AreEqual("warn", checks.Single(c => c.GetProperty("code").GetString() == "SLIM7001").GetProperty("status").GetString());
        // scratch has no /etc/passwd: the user 1654 exists nowhere.
        Assert.AreEqual("warn", checks.Single(c => c.GetProperty("code").GetString() == "SLIM7007").GetProperty("status").GetString());

        var raised = _app.Republish("-p:ContainerBaseImage=scratch", "-p:SlimChecksAsErrors=SLIM7001");
        Assert.AreNotEqual(0, raised.ExitCode, raised.Describe());
        StringAssert.Matches(raised.Output, new System.Text.RegularExpressions.Regex(@"error SLIM7001: .*interpreter"), raised.Output);
        StringAssert.Matches(raised.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7002"), "codes not raised stay warnings");
    }

    [TestMethod]
    public void A_upx_packed_program_on_scratch_is_flagged_as_its_original_would_be()
    {
        // Measured before: UPX hid PT_INTERP and DT_NEEDED, SLIM7001-7003 passed and the container exited 127.
        var packed = _app.Republish("-p:ContainerBaseImage=scratch", "-p:SlimUpx=true");
        Assert.AreEqual(0, packed.ExitCode, packed.Describe());
        StringAssert.Matches(packed.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7001: .*ld-linux"), packed.Output);
        StringAssert.Matches(packed.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7002: .*libc\.so\.6"), packed.Output);
        var interpreter = Check(packed, "interpreter");
        Assert.AreEqual("warn", interpreter.GetProperty("status").GetString(), interpreter.ToString());
        StringAssert.Contains(interpreter.GetProperty("evidence").ToString(), "read from the file UPX packed");
    }

    [TestMethod]
    [TestCategory("Container")]
    public void The_smoke_run_passes_a_console_image_that_exits_0_and_fails_one_that_cannot_start()
    {
        Podman.RequireOrSkip();
        var smoke = Podman.SmokeRunProperties();

        var auto = _app.Republish(smoke);
        Assert.AreEqual(0, auto.ExitCode, auto.Describe());
        var console = Check(auto, "smoke-console-exit");
        Assert.AreEqual("pass", console.GetProperty("status").GetString(), console.ToString());
        StringAssert.Contains(console.GetProperty("evidence").ToString(), "exit code 0");

        var scratch = _app.Republish([.. smoke, "-p:ContainerBaseImage=scratch"]);
        Assert.AreEqual(0, scratch.ExitCode, scratch.Describe());
        StringAssert.Matches(scratch.Output, new System.Text.RegularExpressions.Regex(@"warning SLIM7020: .*exited with code [1-9]"), scratch.Output);
        Assert.AreEqual("warn", Check(scratch, "smoke-console-exit").GetProperty("status").GetString());
    }

    private static JsonElement Check(PublishResult publish, string name) =>
        Files.Json(Path.Combine(publish.SlimDirectory, "report.json")).GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);
}
