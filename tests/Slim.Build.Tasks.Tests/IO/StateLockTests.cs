using System.Diagnostics;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

/// <summary>One publish of a project at a time: a second waits for the first, then fails with SLIM3013 naming the holder.</summary>
[TestClass]
public sealed class StateLockTests
{
    [TestMethod]
    public void A_second_holder_on_another_thread_waits_its_timeout_then_fails_naming_the_first()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, "obj", "slim", ".lock");
        using (StateLock.Acquire(lockFile, TimeSpan.FromSeconds(1), "process 1 (First.csproj)", CancellationToken.None))
        {
            var waited = Stopwatch.StartNew();
            var refused = Task.Run(() => StateLock.Acquire(lockFile, TimeSpan.FromSeconds(0.6), "process 2", CancellationToken.None));
            var error = Assert.Throws<AggregateException>(() => refused.Wait()).InnerException as SlimException;

            Assert.IsNotNull(error);
            Assert.AreEqual("SLIM3013", error.Diagnostic.Code);
            Assert.AreEqual(lockFile, error.Args[0]);
            StringAssert.StartsWith((string)error.Args[1], "process 1 (First.csproj), since ");
            Assert.IsTrue(waited.Elapsed >= TimeSpan.FromSeconds(0.6) && waited.Elapsed < TimeSpan.FromSeconds(5), $"waited {waited.Elapsed}");
        }
        using var next = StateLock.Acquire(lockFile, TimeSpan.FromSeconds(1), "process 2", CancellationToken.None);
        Assert.IsTrue(File.Exists(StateLock.HolderFileFor(lockFile)));
    }

    [TestMethod]
    public void A_waiting_holder_gets_the_lock_as_soon_as_the_first_releases_it()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, ".lock");
        var first = StateLock.Acquire(lockFile, TimeSpan.FromSeconds(1), "process 1", CancellationToken.None);
        var waited = Stopwatch.StartNew();
        var second = Task.Run(() => StateLock.Acquire(lockFile, TimeSpan.FromSeconds(30), "process 2", CancellationToken.None));
        Thread.Sleep(500);
        Assert.IsFalse(second.IsCompleted, "the second holder did not wait");

        first.Dispose();

        Assert.IsTrue(second.Wait(TimeSpan.FromSeconds(5)), "the second holder did not get the released lock");
        second.Result.Dispose();
        Assert.IsTrue(waited.Elapsed < TimeSpan.FromSeconds(5), $"waited {waited.Elapsed}");
    }

    [TestMethod]
    public void Another_process_holding_the_lock_file_with_flock_makes_the_publish_wait_and_a_killed_one_frees_it()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, ".lock");
        File.WriteAllText(lockFile, "");
        using var other = Process.Start(new ProcessStartInfo("flock", [lockFile, "sleep", "60"]))!;
        try
        {
            Thread.Sleep(300);
            var error = Assert.Throws<SlimException>(() => StateLock.Acquire(lockFile, TimeSpan.FromSeconds(0.5), "process 2", CancellationToken.None));
            Assert.AreEqual("SLIM3013", error.Diagnostic.Code);
            Assert.AreEqual("another publish", error.Args[1], "no holder file: the message says so without a process");
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }
        using var held = StateLock.Acquire(lockFile, TimeSpan.FromSeconds(5), "process 2", CancellationToken.None);
    }

    [TestMethod]
    public void A_cancelled_build_stops_waiting_at_once()
    {
        using var temp = new TempFolder();
        var lockFile = Path.Combine(temp.Path, ".lock");
        using var first = StateLock.Acquire(lockFile, TimeSpan.FromSeconds(1), "process 1", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var waited = Stopwatch.StartNew();
        Assert.ThrowsExactly<OperationCanceledException>(() => StateLock.Acquire(lockFile, TimeSpan.FromSeconds(60), "process 2", cancel.Token));
        Assert.IsTrue(waited.Elapsed < TimeSpan.FromSeconds(3), $"waited {waited.Elapsed}");
    }
}
