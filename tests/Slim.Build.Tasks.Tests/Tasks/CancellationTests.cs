using System.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>
/// Ctrl+C (MSBuild's ICancelableTask.Cancel) stops every step that waits within 2 s, and leaves no half-written
/// file behind: a push to a registry that never answers, a tool that never exits, a layer being written.
/// </summary>
[TestClass]
public sealed class CancellationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    [TestMethod]
    public void A_push_to_a_registry_that_never_answers_stops_on_cancel_with_SLIM9002_and_nothing_else()
    {
        using var silent = new SilentServer();
        using var temp = new TempFolder();
        var (_, _, section) = PushFixture.Write(Path.Combine(temp.Path, "image"), "silent", "app:1");
        var imageFile = Path.Combine(temp.Path, "image.json");
        section.Save(imageFile);
        var engine = new RecordingBuildEngine();
        // The registry's own bounds are far away: only the cancel can end this push soon.
        var task = new SlimPushImage { BuildEngine = engine, ImageFile = imageFile, StateDirectory = temp.Path, SettingsFile = PushFixture.Settings(temp.Path, silent.Host, ["team/app:1"]) };

        var clock = Stopwatch.StartNew();
        using var timer = new Timer(_ => task.Cancel(), null, 300, Timeout.Infinite);
        Assert.IsFalse(task.Execute());

        Assert.IsTrue(clock.Elapsed < TimeSpan.FromMilliseconds(300) + Bound, $"stopped {clock.Elapsed.TotalSeconds:0.0} s after the start, cancelled at 0.3 s");
        Assert.AreEqual("SLIM9002", engine.Errors.Single().Code, string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.IsTrue(silent.Accepted >= 1, "the push had reached the registry");
    }

    [TestMethod]
    public void A_request_waiting_between_attempts_stops_on_cancel()
    {
        using var silent = new SilentServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        var client = new RegistryClient(RegistryEndpoint.For(silent.Host, ""), null, SharedHttpClient.Instance,
            new RetryPolicy(5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90)) { RequestTimeout = TimeSpan.FromMilliseconds(200), Cancellation = cancel.Token });
        var clock = Stopwatch.StartNew();

        Assert.ThrowsExactly<OperationCanceledException>(() => client.BlobExists("team/app", "sha256:" + new string('0', 64)));

        Assert.IsTrue(clock.Elapsed < TimeSpan.FromMilliseconds(600) + Bound, $"took {clock.Elapsed.TotalSeconds:0.0} s; the pause before attempt 2 was 20 s");
    }

    [TestMethod]
    public void A_tool_that_never_exits_is_killed_on_cancel()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var runner = new ToolRunner(TimeSpan.FromMinutes(5), cancel.Token);
        var clock = Stopwatch.StartNew();

        Assert.ThrowsExactly<OperationCanceledException>(() => runner.Run("sleep", ["60"]));

        Assert.IsTrue(clock.Elapsed < TimeSpan.FromMilliseconds(300) + Bound, $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [TestMethod]
    public void A_layer_cancelled_while_written_leaves_neither_the_layer_nor_its_temp_file()
    {
        using var temp = new TempFolder();
        var entries = Enumerable.Range(0, 50).Select(i => LayerEntry.FromText($"app/file{i}.txt", new string('x', 1000))).ToList();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var output = Path.Combine(temp.Path, "layer.tar.gz");

        Assert.ThrowsExactly<OperationCanceledException>(() => new LayerWriter(ImageEpoch.Default, cancellation: cancel.Token).Write(entries, output));

        Assert.AreEqual(0, Directory.GetFiles(temp.Path).Length, string.Join(", ", Directory.GetFiles(temp.Path)));
    }
}
