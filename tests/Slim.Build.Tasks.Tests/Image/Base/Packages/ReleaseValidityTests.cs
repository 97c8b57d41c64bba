using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>
/// InRelease's Valid-Until, with the real, signed bookworm-security release (the suite that sets one): read at a time
/// past it, the release is refused as stale unless SlimPackageAllowExpiredRelease accepts it, as a snapshot archive needs.
/// </summary>
[TestClass]
public sealed class ReleaseValidityTests
{
    private const string Security = "bookworm-security";

    private static AptSource SecuritySource => DebianArchiveFixture.Sources.FirstOrDefault(s => s.Suites.Contains(Security))
        ?? throw new AssertFailedException($"this machine's apt sources have no {Security} suite");

    private static readonly Lazy<InRelease> SecurityRelease = new(() =>
    {
        var failures = new List<string>();
        var text = DebianArchiveFixture.Downloader().GetText([SecuritySource.DistsUrl(Security, "InRelease")], failures)
            ?? throw new AssertFailedException("cannot fetch InRelease: " + string.Join("; ", failures));
        var signed = ClearsignedText.Verify(text, ArchiveKeyring.Read(PackageSettings.DebianKeyring), out var whyNot) ?? throw new AssertFailedException(whyNot ?? "no signature verifies");
        return InRelease.Parse(signed);
    });

    private static DateTimeOffset ValidUntil => SecurityRelease.Value.ValidUntil
        ?? throw new AssertFailedException($"the archive's {Security} InRelease sets no Valid-Until");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static DebianArchive SecurityArchive(DateTimeOffset now, bool acceptExpired = false) =>
        new([SecuritySource with { Suites = [Security] }], "amd64", PackageSettings.DebianKeyring, DebianArchiveFixture.Downloader(), acceptExpired, new FixedClock(now));

    [TestMethod]
    public void The_real_security_release_is_valid_now_and_for_days_to_come()
    {
        Assert.IsTrue(ValidUntil > DateTimeOffset.UtcNow, $"Valid-Until {ValidUntil:u} is after now");
        Assert.IsTrue(ValidUntil < DateTimeOffset.UtcNow.AddDays(30), $"Valid-Until {ValidUntil:u} is days away, not years");
        Assert.IsNotNull(SecurityArchive(ValidUntil.AddMinutes(-1)).Newest("libssl3"), "before Valid-Until the release is read");
    }

    [TestMethod]
    public void Read_after_its_valid_until_the_release_is_refused_with_slim4060_naming_the_suite_the_url_and_the_date()
    {
        var now = ValidUntil.AddDays(1);

        var error = Assert.ThrowsExactly<SlimException>(() => SecurityArchive(now).Newest("libssl3"));

        Assert.AreEqual(SlimDiagnostics.PackageReleaseExpired, error.Diagnostic);
        Assert.AreEqual(Security, error.Args[0]);
        Assert.AreEqual(SecuritySource.DistsUrl(Security, "InRelease"), error.Args[1]);
        Assert.AreEqual(ValidUntil.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + " UTC", error.Args[2]);
        var message = DiagnosticText.Of(error);
        StringAssert.Contains(message, "SlimPackageAllowExpiredRelease=true");
        StringAssert.Contains(message, "SlimPackageMirror");
    }

    [TestMethod]
    public void SlimPackageAllowExpiredRelease_reads_an_expired_release_as_a_snapshot_archive_needs()
    {
        Assert.IsNotNull(SecurityArchive(ValidUntil.AddDays(400), acceptExpired: true).Newest("libssl3"));
    }

    [TestMethod]
    public void The_setting_travels_from_the_property_through_settings_json()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"slim-settings-{Guid.NewGuid():N}.json");
        var task = new SlimValidateSettings
        {
            BuildEngine = new RecordingBuildEngine(), ProjectName = "App", Profile = "framework", SettingsFile = settings,
            BudgetsFile = Path.Combine(Path.GetTempPath(), $"slim-budgets-{Guid.NewGuid():N}.json"), PackageAllowExpiredRelease = true,
        };

        Assert.IsTrue(task.Execute());
        Assert.IsTrue(SlimSettings.Load(settings).PackageAllowExpiredRelease);
        Assert.IsFalse(new PackageSettings("lock").AllowExpiredRelease, "off unless set");
    }

    [TestMethod]
    [DataRow("Sat, 12 Dec 2026 03:33:28 UTC", "2026-12-12T03:33:28+00:00")]
    [DataRow("Sat, 12 Dec 2026 03:33:28 GMT", "2026-12-12T03:33:28+00:00")]
    [DataRow("Thu, 5 Jun 2025 10:00:00 +0200", "2025-06-05T10:00:00+02:00")]
    [DataRow("Thu, 05 Jun 2025 10:00:00 -0130", "2025-06-05T10:00:00-01:30")]
    public void Archive_dates_are_read_with_their_zone(string text, string expected)
    {
        Assert.AreEqual(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), InRelease.ParseDate(text));
    }

    [TestMethod]
    [DataRow("tomorrow")]
    [DataRow("Sat, 12 Dec 2026 03:33:28")]
    [DataRow("Sat, 12 Dec 2026 03:33:28 CEST")]
    [DataRow("Sat, 31 Feb 2026 03:33:28 UTC")]
    public void A_valid_until_that_is_no_date_makes_the_release_unusable(string text)
    {
        Assert.IsNull(InRelease.ParseDate(text));
        var error = Assert.ThrowsExactly<FormatException>(() => InRelease.Parse($"Suite: x\nValid-Until: {text}\n"));
        StringAssert.Contains(error.Message, text);
    }
}
