using System.Diagnostics;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// One publish of a project at a time: a publish waits while another holds obj/.../slim/.lock, then fails with
/// SLIM3013; the lock never outlives the build that took it (MSBuild's nodes live on after dotnet publish).
/// </summary>
[TestClass]
public sealed class ConcurrentPublishTests
{
    [TestMethod]
    public void A_publish_waits_for_the_one_holding_the_projects_lock_and_back_to_back_publishes_never_wait()
    {
        var app = TestApp.Console("LockedApp", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile><SlimLockTimeout>3</SlimLockTimeout>");

        // Back to back, with build nodes reused: the first publish's lock must be gone when the second starts.
        foreach (var run in new[] { 1, 2 })
        {
            var result = app.Publish("-nr:true");
            Assert.AreEqual(0, result.ExitCode, $"publish {run}: {result.Describe()}");
            Assert.IsFalse(result.Output.Contains("SLIM3013"), $"publish {run} waited for a lock no one held:\n{result.Output}");
        }

        // Another publish holds the lock (flock, as .NET's FileShare.None takes it on Linux).
        var lockFile = Directory.GetFiles(Path.Combine(app.Directory, "obj"), ".lock", SearchOption.AllDirectories).Single();
        using var holder = Process.Start(new ProcessStartInfo("flock", [lockFile, "sleep", "120"]))!;
        try
        {
            Thread.Sleep(300);
            var waited = Stopwatch.StartNew();
            var blocked = app.Publish();
            Assert.AreNotEqual(0, blocked.ExitCode, blocked.Describe());
            StringAssert.Contains(blocked.Output, $"error SLIM3013: Another publish of this project holds '{lockFile}'");
            Assert.IsTrue(waited.Elapsed >= TimeSpan.FromSeconds(3), $"it failed after {waited.Elapsed}, before SlimLockTimeout");
            Assert.IsFalse(blocked.Output.Contains("SLIM9001"), blocked.Output);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        var after = app.Publish();
        Assert.AreEqual(0, after.ExitCode, "the publish after the holder ended: " + after.Describe());
    }
}
