using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Layers;

/// <summary>The image's layers of a RID-less publish: the runtimes/ folders the image's host loads, not the other platforms'.</summary>
[TestClass]
public sealed class AppLayersTests
{
    private const string RuntimeConfig = "App.runtimeconfig.json";

    [TestMethod]
    public void Other_platforms_runtime_folders_are_left_out_and_the_hosts_chain_kept()
    {
        using var publish = RidLessPublish("""{ "runtimeOptions": { "tfm": "net10.0" } }""");

        var leftOut = AppLayers.OtherPlatformFiles(publish.Path, null, "linux-x64", Path.Combine(publish.Path, RuntimeConfig));
        var paths = AppLayers.Plan(publish.Path, new Dictionary<string, FileOrigin>(), "/app", null, leftOut).SelectMany(l => l.Entries).Select(e => e.Path).Order().ToArray();

        CollectionAssert.AreEquivalent(new[] { "runtimes/linux-arm64/native/libe_sqlite3.so", "runtimes/linux-musl-x64/native/libe_sqlite3.so", "runtimes/win-x64/native/e_sqlite3.dll" },
            leftOut.ToArray());
        CollectionAssert.AreEqual(new[] { "app/App.dll", "app/App.runtimeconfig.json", "app/runtimes/linux-x64/native/libe_sqlite3.so", "app/runtimes/unix/lib/net10.0/Unix.dll" }, paths);
    }

    /// <summary>System.Runtime.Loader.UseRidGraph: the host probes distribution RIDs too (debian.12-x64), so every folder may be one it loads.</summary>
    [TestMethod]
    [DataRow("true")]
    [DataRow("\"true\"")]
    public void Nothing_is_left_out_when_the_app_turns_on_the_old_rid_graph(string value)
    {
        using var publish = RidLessPublish($$"""{ "runtimeOptions": { "configProperties": { "System.Runtime.Loader.UseRidGraph": {{value}} } } }""");

        Assert.AreEqual(0, AppLayers.OtherPlatformFiles(publish.Path, null, "linux-x64", Path.Combine(publish.Path, RuntimeConfig)).Count);
    }

    /// <summary>The host reads a runtimeconfig.json with comments and trailing commas: so does the rule, and leaves the others out.</summary>
    [TestMethod]
    public void A_runtimeconfig_with_comments_is_read_as_the_host_reads_it()
    {
        using var publish = RidLessPublish("""{ "runtimeOptions": { /* written by hand */ "tfm": "net10.0", }, }""");

        Assert.AreEqual(3, AppLayers.OtherPlatformFiles(publish.Path, null, "linux-x64", Path.Combine(publish.Path, RuntimeConfig)).Count);
    }

    [TestMethod]
    public void A_runtimeconfig_that_cannot_be_read_leaves_nothing_out_and_a_missing_one_reads_as_the_new_graph()
    {
        using var publish = RidLessPublish("{ not json");

        Assert.AreEqual(0, AppLayers.OtherPlatformFiles(publish.Path, null, "linux-x64", Path.Combine(publish.Path, RuntimeConfig)).Count, "damaged: keep everything");
        Assert.AreEqual(3, AppLayers.OtherPlatformFiles(publish.Path, null, "linux-x64", Path.Combine(publish.Path, "None.runtimeconfig.json")).Count,
            "none (a NativeAOT app has none): the host's own chain");
    }

    private static TempFolder RidLessPublish(string runtimeConfig)
    {
        var folder = new TempFolder();
        folder.File("App.dll", 16);
        folder.File(RuntimeConfig, System.Text.Encoding.UTF8.GetBytes(runtimeConfig));
        foreach (var file in new[] { "runtimes/linux-x64/native/libe_sqlite3.so", "runtimes/linux-arm64/native/libe_sqlite3.so", "runtimes/linux-musl-x64/native/libe_sqlite3.so",
                     "runtimes/win-x64/native/e_sqlite3.dll", "runtimes/unix/lib/net10.0/Unix.dll" })
            folder.File(file, 8);
        return folder;
    }
}
