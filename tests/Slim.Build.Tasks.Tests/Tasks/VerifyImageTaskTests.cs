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
            RuntimeIdentifier = "linux-x64", SmokeRun = true, SmokeRunEngine = engineValue, CacheDirectory = Path.Combine(temp.Path, "cache"),
        };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Code + " " + e.Message)));

        var warning = engine.Warnings.Single(w => w.Code == "SLIM7023");
        StringAssert.Contains(warning.Message, $"SlimSmokeRun is true but {expected}, so the image was not run");
        StringAssert.Contains(warning.Message, "SlimSmokeRun=false");
        Assert.IsTrue(File.Exists(task.ChecksFile), "the checklist itself still ran");
    }

    private sealed record Setup(string Archive, string ImageFile, string SettingsFile, string ChecksFile);

    /// <summary>A one-file image (its checklist warns: no program, no libc) with image.json and settings.json beside it.</summary>
    private static Setup OneFileImage(TempFolder temp, bool raiseAll = false)
    {
        CheckImage.Write(temp, [LayerEntry.FromText("etc/passwd", CheckImage.Passwd)]);
        var imageFile = Path.Combine(temp.Path, "image.json");
        new ImageSection(Path.Combine(temp.Path, "image.tar"), "oci", "sha256:" + new string('0', 64), ["localhost/checks:1"],
            new BaseSummary("auto", "auto", null), [], 0, 0, []).Save(imageFile);
        var settings = Path.Combine(temp.Path, "settings.json");
        new SlimSettings(SizeProfile.Aot, ImageFormat.Oci, ["localhost/checks:1"], "", 30, 1800, null, raiseAll, []).Save(settings);
        return new Setup(Path.Combine(temp.Path, "image.tar"), imageFile, settings, Path.Combine(temp.Path, "checks.json"));
    }

    private static (bool Ok, RecordingBuildEngine Engine) Verify(Setup setup)
    {
        var engine = new RecordingBuildEngine();
        var task = new SlimVerifyImage { BuildEngine = engine, ImageFile = setup.ImageFile, SettingsFile = setup.SettingsFile, ChecksFile = setup.ChecksFile, RuntimeIdentifier = "linux-x64",
            CacheDirectory = Path.Combine(Path.GetDirectoryName(setup.ChecksFile)!, "cache") };
        return (task.Execute(), engine);
    }

    private static string[] Problems(RecordingBuildEngine engine) =>
        [.. engine.Warnings.Select(w => $"warning {w.Code} {w.Message}").Concat(engine.Errors.Select(e => $"error {e.Code} {e.Message}")).Order()];

    /// <summary>Zeros of the archive's own length and time: only a checklist that reads the archive again notices.</summary>
    private static void BlankKeepingLengthAndTime(string archive)
    {
        var time = File.GetLastWriteTimeUtc(archive);
        File.WriteAllBytes(archive, new byte[new FileInfo(archive).Length]);
        File.SetLastWriteTimeUtc(archive, time);
    }

    [TestMethod]
    public void An_unchanged_image_is_not_read_again_and_logs_the_same_findings()
    {
        using var temp = new TempFolder();
        var setup = OneFileImage(temp);
        var first = Verify(setup);
        Assert.IsTrue(first.Ok, string.Join("\n", Problems(first.Engine)));
        Assert.IsTrue(first.Engine.Warnings.Count > 0, "the one-file image should fail some checks, so there is something to log again");
        var checks = File.ReadAllText(setup.ChecksFile);

        BlankKeepingLengthAndTime(setup.Archive);
        var second = Verify(setup);

        Assert.IsTrue(second.Ok, string.Join("\n", Problems(second.Engine)));
        CollectionAssert.AreEqual(Problems(first.Engine), Problems(second.Engine));
        Assert.AreEqual(checks, File.ReadAllText(setup.ChecksFile));
        Assert.IsTrue(second.Engine.Messages.Any(m => m.Message!.Contains("not read again")));
    }

    [TestMethod]
    public void A_checklist_that_failed_fails_again_on_an_unchanged_image()
    {
        using var temp = new TempFolder();
        var setup = OneFileImage(temp, raiseAll: true);
        var first = Verify(setup);
        Assert.IsFalse(first.Ok, "SlimChecksAsErrors=true raises the one-file image's findings");
        BlankKeepingLengthAndTime(setup.Archive);
        var second = Verify(setup);
        Assert.IsFalse(second.Ok, "an unchanged publish whose image fails a check keeps failing");
        CollectionAssert.AreEqual(Problems(first.Engine), Problems(second.Engine));
    }

    [TestMethod]
    [DataRow("archive", DisplayName = "another archive in its place")]
    [DataRow("settings", DisplayName = "changed settings")]
    [DataRow("checks", DisplayName = "an edited checks.json")]
    public void A_changed_archive_setting_or_checks_file_reads_the_image_again(string change)
    {
        using var temp = new TempFolder();
        var setup = OneFileImage(temp);
        Assert.IsTrue(Verify(setup).Ok);
        BlankKeepingLengthAndTime(setup.Archive);   // from here on, a checklist that reads the archive fails with SLIM4xxx
        switch (change)
        {
            case "archive": File.SetLastWriteTimeUtc(setup.Archive, DateTime.UtcNow.AddMinutes(1)); break;
            case "settings": new SlimSettings(SizeProfile.Aot, ImageFormat.Oci, ["localhost/checks:1"], "", 30, 1800, 1, false, []).Save(setup.SettingsFile); break;
            default: File.WriteAllText(setup.ChecksFile, "[]"); break;
        }
        var again = Verify(setup);
        Assert.IsFalse(again.Ok, $"after {change} the checklist should read the (now blank) archive again and fail on it");
        Assert.IsTrue(again.Engine.Errors.Any(e => e.Code.StartsWith("SLIM")), string.Join("\n", Problems(again.Engine)));
    }
}
