using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Profiles;
using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Tests.Checks;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimVerifyImage on a real image archive, as the checklist target runs it.</summary>
[TestClass]
public sealed class VerifyImageTaskTests
{
    [TestMethod]
    [DataRow("slim-no-such-engine", "SlimSmokeRunEngine is 'slim-no-such-engine', which is not a program on PATH")]
    [DataRow("/nowhere/podman", "SlimSmokeRunEngine is '/nowhere/podman', which does not exist")]
    [DataRow("", "neither podman nor docker is on PATH")]
    public void A_smoke_run_engine_that_is_not_there_is_warning_SLIM7023_quoting_it_and_the_checklist_still_runs(string engineValue, string expected)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            if (engineValue.Length == 0)
                Environment.SetEnvironmentVariable("PATH", "/nowhere");
            SmokeRunWith(engineValue, expected);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    private static void SmokeRunWith(string engineValue, string expected)
    {
        using var temp = new TempFolder();
        // The checklist's findings on this one-file image are warnings of their own; only SLIM7023 is looked at.
        CheckImage.Write(temp, [LayerEntry.FromText("etc/passwd", CheckImage.Passwd)]);
        var imageFile = Path.Combine(temp.Path, "image.json");
        new ImageSection(Path.Combine(temp.Path, "image.tar"), "oci", "sha256:" + new string('0', 64), ["localhost/checks:1"],
            new BaseSummary("auto", "auto", null), [], 0, 0, []).Save(imageFile);
        var settings = Path.Combine(temp.Path, "settings.json");
        new SlimSettings(SizeProfile.Aot, ImageFormat.Oci, ["localhost/checks:1"], "", 30, 1800, null, false, []).Save(settings);
        var engine = new RecordingBuildEngine();
        var task = new SlimVerifyImage
        {
            BuildEngine = engine, ImageFile = imageFile, SettingsFile = settings, ChecksFile = Path.Combine(temp.Path, "checks.json"),
            RuntimeIdentifier = "linux-x64", SmokeRun = true, SmokeRunEngine = engineValue,
        };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Code + " " + e.Message)));

        var warning = engine.Warnings.Single(w => w.Code == "SLIM7023");
        StringAssert.Contains(warning.Message, $"SlimSmokeRun is true but {expected}, so the image was not run");
        StringAssert.Contains(warning.Message, "SlimSmokeRun=false");
        Assert.IsTrue(File.Exists(task.ChecksFile), "the checklist itself still ran");
    }
}
