using System.Reflection;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The run's folder (SlimFeed.RunRoot: the feed, the apps with their binlogs, the NuGet and Slim caches; 1-5 GB) goes
/// when every test of the run passed, and stays, named in the output, when one did not. A failure is a test whose
/// outcome is not Passed or Inconclusive (a loud skip), or an assertion or an exception of this assembly's own code
/// anywhere: a ClassInitialize that failed never reaches the per-test hooks, but its exception passes through here.
/// </summary>
[TestClass]
public sealed class RunFolder
{
    private static int _finished;
    private static int _failures;

    [AssemblyInitialize]
    public static void WatchForFailures(TestContext _) =>
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is AssertFailedException || e.Exception.TargetSite?.DeclaringType?.Assembly == typeof(RunFolder).Assembly)
                Interlocked.Increment(ref _failures);
        };

    [GlobalTestCleanup]
    public static void CountOutcome(TestContext context)
    {
        Interlocked.Increment(ref _finished);
        if (context.CurrentTestOutcome is UnitTestOutcome.Passed or UnitTestOutcome.Inconclusive)
            return;
        Interlocked.Increment(ref _failures);
        context.WriteLine($"The run's folder is kept for its binlogs and apps: {SlimFeed.RunRoot}");
    }

    /// <summary>Stops the run's build servers, then removes the folder if every test passed.</summary>
    [AssemblyCleanup]
    public static void EndTheRun()
    {
        BuildServers.Stop();
        if (!Directory.Exists(SlimFeed.RunRoot))
            return;
        if (_failures > 0 || _finished == 0)
        {
            Console.Error.WriteLine($"Slim end-to-end: the run's folder is kept for its binlogs and apps: {SlimFeed.RunRoot}");
            return;
        }
        try
        {
            Directory.Delete(SlimFeed.RunRoot, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A container's files (written as another user) or a process still holding a file: the folder is kept.
            Console.Error.WriteLine($"Slim end-to-end: could not remove {SlimFeed.RunRoot}: {e.Message}");
        }
    }
}
