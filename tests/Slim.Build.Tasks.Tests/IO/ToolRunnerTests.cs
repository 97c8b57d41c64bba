using System.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Tests.IO;

[TestClass]
public sealed class ToolRunnerTests
{
    [TestMethod]
    public void Returns_the_exit_code()
    {
        Assert.AreEqual(0, new ToolRunner().Run("/bin/sh", ["-c", "exit 0"]).ExitCode);
        Assert.AreEqual(3, new ToolRunner().Run("/bin/sh", ["-c", "exit 3"]).ExitCode);
    }

    [TestMethod]
    public void Keeps_stdout_and_stderr_apart_and_passes_arguments_verbatim()
    {
        var result = new ToolRunner().Run("/bin/sh", ["-c", "printf '%s' \"$1\"; echo oops >&2", "sh", "a b 'c'"]);
        Assert.AreEqual(0, result.ExitCode);
        Assert.AreEqual("a b 'c'", result.StandardOutput);
        Assert.AreEqual("oops\n", result.StandardError);
        StringAssert.StartsWith(result.Output, "oops\n", "stderr first: it says why a tool failed");
    }

    [TestMethod]
    public void A_tool_that_runs_too_long_is_killed_and_reported()
    {
        var watch = Stopwatch.StartNew();
        var result = new ToolRunner(TimeSpan.FromMilliseconds(500)).Run("/bin/sh", ["-c", "echo started; sleep 30"]);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.AreEqual(-1, result.ExitCode);
        StringAssert.StartsWith(result.StandardError, "timed out after");
    }
}
