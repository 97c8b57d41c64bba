using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>The trimmed self-contained profile prunes runtime pieces and the app still serves, on the host and from its image.</summary>
[TestClass]
public sealed class TrimmedWebTests
{
    private static TestApp _app = null!;
    private static PublishResult _result = null!;

    private static readonly string[] Pruned =
        ["createdump", "libmscordaccore.so", "libmscordbi.so", "libclrgc.so", "libclrgcexp.so", "libcoreclrtraceptprovider.so", "appsettings.Development.json"];

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        _app = TestApp.Web("TrimmedWeb", SlimForm.SdkAdded, "<SlimProfile>trimmed</SlimProfile><SlimMeasurePlainPublish>true</SlimMeasurePlainPublish>");
        _result = _app.Publish();
    }

    [TestMethod]
    public async Task Prunes_what_production_does_not_need_and_still_serves()
    {
        var (app, result) = (_app, _result);
        Assert.AreEqual(0, result.ExitCode, result.Describe());

        var shipped = Files.Relative(result.PublishDirectory);
        CollectionAssert.Contains(shipped, "libcoreclr.so", "not a self-contained publish");
        foreach (var file in Pruned)
            CollectionAssert.DoesNotContain(shipped, file);
        var total = Files.FolderSize(result.PublishDirectory);
        Assert.IsTrue(total <= 23_000_000, $"trimmed web publish is {total} bytes, over 23,000,000");

        var report = Files.Json(Path.Combine(result.SlimDirectory, "report.json"));
        var prune = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "prune");
        Assert.IsTrue(prune.GetProperty("bytesSaved").GetInt64() > 5_000_000, $"prune saved only {prune}");
        // The plain publish beside Slim's (ILLink run again without Slim's switches) ships more than Slim's.
        var totals = report.GetProperty("totals");
        Assert.IsTrue(totals.GetProperty("plainPublishMeasured").GetBoolean(), totals.ToString());
        Assert.IsTrue(totals.GetProperty("plainPublishBytes").GetInt64() > total, totals.ToString());
        // A web app needs OpenSSL (data protection), the CA bundle, its port; CoreCLR needs libstdc++.
        var needs = report.GetProperty("needs");
        var needed = needs.GetProperty("needs").EnumerateArray().Where(n => n.GetProperty("needed").GetBoolean())
            .Select(n => n.GetProperty("kind").GetString()).ToList();
        CollectionAssert.IsSubsetOf(new[] { "openssl", "ca-certificates", "writable-tmp", "listening-port" }, needed, string.Join(", ", needed));
        CollectionAssert.DoesNotContain(needed, "icu", "the template asks for no culture");
        Assert.AreEqual(8080, needs.GetProperty("ports")[0].GetInt32());
        var libraries = needs.GetProperty("nativeLibraries").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(libraries, "libstdc++.so.6", string.Join(", ", libraries));

        Assert.AreEqual("Hello World!", await TestApp.GetFromRunningApp(Path.Combine(result.PublishDirectory, app.Name), TimeSpan.FromSeconds(20)));
    }

    [TestMethod]
    [TestCategory("Container")]
    public async Task The_trimmed_image_serves_as_the_app_user_in_a_container()
    {
        Podman.RequireOrSkip();
        Assert.AreEqual(0, _result.ExitCode, _result.Describe());
        var loaded = Podman.Run(_app.Directory, "load", "-i", Path.Combine(_result.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        const string tag = "localhost/trimmedweb:1.0.0";
        Assert.AreEqual("1654", Podman.Inspect(tag, "{{.Config.User}}"));

        using var container = WebContainer.Start(tag, "slim-e2e-trimmedweb");
        var answer = await Http.GetWithin(container.Url, TimeSpan.FromSeconds(40));
        Assert.AreEqual("Hello World!", answer, "no answer; logs:\n" + Podman.Run(SlimFeed.RunRoot, "logs", container.Name).Output);
    }
}
