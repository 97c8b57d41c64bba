using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Pipeline;

[TestClass]
public sealed class PublishedSourcesTests
{
    [TestMethod]
    public void A_path_whose_source_changed_since_the_last_publish_is_reported_once()
    {
        using var temp = new TempFolder();
        var state = Path.Combine(temp.Path, "slim", "published-sources.txt");
        var stripped = new Dictionary<string, string> { ["App.dll"] = "/p/obj/App.dll", ["libfoo.so"] = "/p/obj/slim/strip/libfoo.so" };
        var excluded = new Dictionary<string, string>(stripped) { ["libfoo.so"] = "/p/native/libfoo.so", ["new.json"] = "/p/new.json" };

        CollectionAssert.AreEqual(Array.Empty<string>(), PublishedSources.Update(state, stripped).ToArray(), "a first publish knows no earlier source");
        CollectionAssert.AreEqual(new[] { "libfoo.so" }, PublishedSources.Update(state, excluded).ToArray());
        CollectionAssert.AreEqual(Array.Empty<string>(), PublishedSources.Update(state, excluded).ToArray(), "an unchanged publish copies nothing again");
        CollectionAssert.AreEqual(new[] { "libfoo.so" }, PublishedSources.Update(state, stripped).ToArray());
    }

    [TestMethod]
    public void An_unchanged_publish_leaves_the_state_file_alone_and_a_damaged_one_counts_as_absent()
    {
        using var temp = new TempFolder();
        var state = Path.Combine(temp.Path, "published-sources.txt");
        var sources = new Dictionary<string, string> { ["App.dll"] = "/p/obj/App.dll" };
        PublishedSources.Update(state, sources);
        var written = File.GetLastWriteTimeUtc(state);
        File.SetLastWriteTimeUtc(state, written.AddHours(-1));

        PublishedSources.Update(state, sources);
        Assert.AreEqual(written.AddHours(-1), File.GetLastWriteTimeUtc(state));

        File.WriteAllBytes(state, [0x00, 0xFF, 0x09, 0x0A, 0x41]);
        CollectionAssert.AreEqual(Array.Empty<string>(), PublishedSources.Update(state, sources).ToArray());
        Assert.AreEqual("App.dll\t/p/obj/App.dll\n", File.ReadAllText(state));
    }
}
