using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// A registry that takes the connection and never answers: every attempt is given up after the request timeout,
/// retried within the budget, and the push fails naming the registry in bounded time, not after minutes.
/// </summary>
[TestClass]
public sealed class SilentRegistryTests
{
    private static readonly string Digest = "sha256:" + new string('0', 64);

    [TestMethod]
    public void Each_attempt_times_out_and_the_request_fails_with_SLIM5005_within_the_retry_budget()
    {
        using var silent = new SilentServer();
        var client = new RegistryClient(RegistryEndpoint.For(silent.Host, ""), null, SharedHttpClient.Instance,
            new RetryPolicy(5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1.5)) { RequestTimeout = TimeSpan.FromMilliseconds(400) });
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsExactly<SlimException>(() => client.BlobExists("team/app", Digest));

        Assert.AreEqual(SlimDiagnostics.RegistryUnreachable, error.Diagnostic);
        Assert.AreEqual(silent.Host, error.Args[0], "the message names the registry");
        StringAssert.Contains((string)error.Args[4], "no answer within 0.4 s (SlimRegistryTimeout)");
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalSeconds:0.0} s for a 1.5 s budget");
        Assert.IsTrue((int)error.Args[3] >= 3 && silent.Accepted >= 3, $"{error.Args[3]} attempts, {silent.Accepted} connections: the timed-out attempts were not retried");
    }

    [TestMethod]
    public void The_push_task_stops_at_SlimPushTimeout_with_SLIM5017_naming_the_registry()
    {
        using var silent = new SilentServer();
        using var temp = new TempFolder();
        var (_, _, section) = PushFixture.Write(Path.Combine(temp.Path, "image"), "silent", "app:1");
        var imageFile = Path.Combine(temp.Path, "image.json");
        section.Save(imageFile);
        var engine = new RecordingBuildEngine();
        var task = new SlimPushImage
        {
            BuildEngine = engine, ImageFile = imageFile, StateDirectory = temp.Path,
            SettingsFile = PushFixture.Settings(temp.Path, silent.Host, ["team/app:1"], requestTimeoutSeconds: 0.3, pushTimeoutSeconds: 1),
        };
        var clock = Stopwatch.StartNew();

        Assert.IsFalse(task.Execute());

        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed.TotalSeconds:0.0} s for a 1 s deadline");
        var error = engine.Errors.Single();
        Assert.AreEqual("SLIM5017", error.Code, error.Message);
        StringAssert.Contains(error.Message, silent.Host);
    }

    [TestMethod]
    [DataRow("SlimRegistryTimeout", "abc")]
    [DataRow("SlimRegistryTimeout", "0")]
    [DataRow("SlimPushTimeout", "-5")]
    [DataRow("SlimPushTimeout", "1e999")]
    public void A_timeout_that_is_not_seconds_above_zero_is_SLIM1040_naming_the_property(string property, string value)
    {
        var error = Assert.ThrowsExactly<SlimException>(() => PushLimits.Policy(
            property == "SlimRegistryTimeout" ? value : "", property == "SlimPushTimeout" ? value : "", DateTimeOffset.UtcNow));

        Assert.AreEqual(SlimDiagnostics.InvalidTimeout, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { property, value }, error.Args);
    }

    [TestMethod]
    public void Timeouts_are_seconds_and_empty_means_the_default()
    {
        var now = DateTimeOffset.UtcNow;
        var set = PushLimits.Policy("1.5", "60", now);
        Assert.AreEqual(TimeSpan.FromSeconds(1.5), set.RequestTimeout);
        Assert.AreEqual(now.AddSeconds(60), set.Deadline);
        var defaults = PushLimits.Policy("", " ", now);
        Assert.AreEqual(TimeSpan.FromSeconds(30), defaults.RequestTimeout);
        Assert.AreEqual(now.AddSeconds(1800), defaults.Deadline);
        Assert.AreEqual(5, defaults.Attempts);
        Assert.AreEqual(TimeSpan.FromSeconds(90), defaults.Budget);
    }
}
