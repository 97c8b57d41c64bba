using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// ContainerRuntimeIdentifiers=linux-x64;linux-arm64 (issue 28, phase 1): one publish of a framework-dependent web app
/// makes one OCI image index in slim/image.tar with an amd64 and an arm64 image, each its own platform's publish
/// (slim/&lt;rid&gt;/: image, report, checklist), the arm64 base from Debian's arm64 packages and its shared runtime from the
/// arm64 runtime packs. Both images are taken out of the index by skopeo, as a client would, and served by podman; the
/// arm64 one under emulation (qemu-user-static registered in binfmt_misc, as build/bootstrap.sh sets up). The push sends
/// one index under the tag. slim/report.json describes the index as the archive holds it, and a platform over its image
/// budget fails the publish before anything is pushed.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class MultiArchTests
{
    private const string Emulator = "/proc/sys/fs/binfmt_misc/qemu-aarch64";

    /// <summary>Shared with PackageBaseTests: the archive's index and .deb files are downloaded once.</summary>
    private static readonly string PackageCache = Path.Combine(Path.GetTempPath(), "slim-e2e-package-cache");

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string SlimDirectory => Path.Combine(_app.Directory, "bin", "Release", "net10.0", "slim");
    private static string Index => Path.Combine(SlimDirectory, "image.tar");
    /// <summary>Far above either image (about 50 MB on the wire): the budget the console line and report.json measure the largest platform against.</summary>
    private const string Budget = "200MB";

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.RequireOrSkip();
        if (!File.Exists(Emulator))
        {
            const string message = "qemu-aarch64 is not registered in binfmt_misc: build/bootstrap.sh installs qemu-user-static and registers it.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
            Assert.Inconclusive("SKIPPED: " + message);
        }
        _app = TestApp.Web("MultiArchWeb", SlimForm.PackageReference,
            "<SlimProfile>framework</SlimProfile><ContainerRuntimeIdentifiers>linux-x64;linux-arm64</ContainerRuntimeIdentifiers>");
        _publish = _app.Publish("-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache, "-p:SlimMaxImageSize=" + Budget);
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    [TestMethod]
    public void Skopeo_reads_one_index_of_the_two_platform_images_each_platform_publish_made()
    {
        var raw = ProcessRunner.Run("skopeo", ["inspect", "--raw", "oci-archive:" + Index], _app.Directory);
        Assert.AreEqual(0, raw.ExitCode, raw.Output);
        using var index = JsonDocument.Parse(raw.Output);
        Assert.AreEqual("application/vnd.oci.image.index.v1+json", index.RootElement.GetProperty("mediaType").GetString());
        var manifests = index.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "linux/amd64/", "linux/arm64/v8" },
            manifests.Select(m => m.GetProperty("platform")).Select(p => $"{p.GetProperty("os")}/{p.GetProperty("architecture")}/{(p.TryGetProperty("variant", out var v) ? v.GetString() : "")}").ToArray());

        foreach (var (rid, manifest) in new[] { "linux-x64", "linux-arm64" }.Zip(manifests))
        {
            var own = Path.Combine(SlimDirectory, rid, "image.tar");
            var inspect = ProcessRunner.Run("skopeo", ["inspect", "oci-archive:" + own], _app.Directory);
            Assert.AreEqual(0, inspect.ExitCode, inspect.Output);
            using var ownImage = JsonDocument.Parse(inspect.Output);
            Assert.AreEqual(ownImage.RootElement.GetProperty("Digest").GetString(), manifest.GetProperty("digest").GetString(), rid + "'s image is not the one its publish made");
            var report = Files.Json(Path.Combine(SlimDirectory, rid, "report.json"));
            Assert.AreEqual("packages", report.GetProperty("image").GetProperty("base").GetProperty("kind").GetString(), rid);
            Assert.IsTrue(File.Exists(Path.Combine(_app.Directory, "obj", "Release", "net10.0", rid, "slim", "checks.json")), rid + " ran its checklist");
        }
        StringAssert.Contains(_publish.Output, "Slim: image index ");
    }

    [TestMethod]
    public void Report_json_describes_the_index_the_archive_holds_and_its_largest_platform_against_the_budget()
    {
        var raw = ProcessRunner.Run("skopeo", ["inspect", "--raw", "oci-archive:" + Index], _app.Directory);
        Assert.AreEqual(0, raw.ExitCode, raw.Output);
        using var index = JsonDocument.Parse(raw.Output);
        var manifests = index.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        var report = Files.Json(Path.Combine(SlimDirectory, "report.json"));

        Assert.AreEqual("image-index", report.GetProperty("kind").GetString());
        Assert.AreEqual(1, report.GetProperty("schemaVersion").GetInt32());
        Assert.AreEqual(Sha256(raw.Output.Trim()), report.GetProperty("index").GetProperty("digest").GetString(), "the report names the archive's very index");
        Assert.AreEqual(Index, report.GetProperty("index").GetProperty("archive").GetString());
        var platforms = report.GetProperty("platforms").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "linux-x64", "linux-arm64" }, platforms.Select(p => p.GetProperty("runtimeIdentifier").GetString()).ToArray());
        var largest = platforms[0];
        foreach (var (platform, manifest) in platforms.Zip(manifests))
        {
            var rid = platform.GetProperty("runtimeIdentifier").GetString()!;
            Assert.AreEqual(manifest.GetProperty("digest").GetString(), platform.GetProperty("manifestDigest").GetString(), rid);
            var listed = manifest.GetProperty("platform");
            Assert.AreEqual(listed.GetProperty("architecture").GetString(), platform.GetProperty("architecture").GetString(), rid);
            Assert.AreEqual(listed.TryGetProperty("variant", out var v) ? v.GetString() : null, platform.GetProperty("variant").GetString(), rid);
            // The platform's manifest, as skopeo reads it out of that platform's own archive: its layers and their sizes.
            var own = ProcessRunner.Run("skopeo", ["inspect", "--raw", "oci-archive:" + Path.Combine(SlimDirectory, rid, "image.tar")], _app.Directory);
            Assert.AreEqual(0, own.ExitCode, own.Output);
            using var ownManifest = JsonDocument.Parse(own.Output);
            var layers = ownManifest.RootElement.GetProperty("layers").EnumerateArray().ToList();
            CollectionAssert.AreEqual(layers.Select(l => l.GetProperty("digest").GetString()).ToArray(),
                platform.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()).ToArray(), rid);
            Assert.AreEqual(layers.Sum(l => l.GetProperty("size").GetInt64()), platform.GetProperty("wireBytes").GetInt64(), rid);
            Assert.IsTrue(platform.GetProperty("needs").GetProperty("nativeLibraries").GetArrayLength() > 0, rid + " records the libraries the runtime links");
            Assert.AreEqual(Path.Combine(SlimDirectory, rid, "report.json"), platform.GetProperty("report").GetString());
            if (platform.GetProperty("wireBytes").GetInt64() > largest.GetProperty("wireBytes").GetInt64())
                largest = platform;
        }
        var budget = report.GetProperty("budgets").EnumerateArray().Single();
        Assert.AreEqual(("SlimMaxImageSize", largest.GetProperty("platform").GetString(), largest.GetProperty("wireBytes").GetInt64(), true),
            (budget.GetProperty("name").GetString(), budget.GetProperty("largestPlatform").GetString(), budget.GetProperty("largestBytes").GetInt64(), budget.GetProperty("passed").GetBoolean()));
        StringAssert.Contains(_publish.Output, $"; largest {largest.GetProperty("platform").GetString()} ");
        StringAssert.Contains(_publish.Output, " of the 200 MB budget (SlimMaxImageSize)");
        StringAssert.Contains(File.ReadAllText(Path.Combine(SlimDirectory, "report.md")), "## linux/arm64/v8 (linux-arm64)");
        Assert.IsFalse(File.Exists(Path.Combine(SlimDirectory, "report.html")), "no page of a single image stands for the index");
    }

    [TestMethod]
    public void An_unchanged_republish_restores_nothing_and_compiles_nothing()
    {
        var compiled = new[] { "", "linux-x64", "linux-arm64" }.ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(_app.Directory, "obj", "Release", "net10.0", f, "MultiArchWeb.dll")));
        Assert.IsTrue(compiled.Values.All(t => t.Year > 2000), "the first publish compiled into obj/Release/net10.0/[<rid>/]");

        var again = _app.Publish("-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache, "-p:SlimMaxImageSize=" + Budget);

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        Assert.IsFalse(again.Output.Contains("Restored "), "the project's restore and the platforms' each found their own assets file as they left it:\n" + again.Output);
        StringAssert.Contains(again.Output, _publish.Output[_publish.Output.IndexOf("Slim: image index ", StringComparison.Ordinal)..].Split('\n')[0].Trim(),
            "the same index, described alike");
        foreach (var folder in new[] { "", "linux-x64", "linux-arm64" })
        {
            var assembly = Path.Combine(_app.Directory, "obj", "Release", "net10.0", folder, "MultiArchWeb.dll");
            Assert.AreEqual(compiled[folder], File.GetLastWriteTimeUtc(assembly), $"{assembly} was compiled again");
        }
    }

    [TestMethod]
    public async Task The_arm64_image_serves_under_emulation_what_the_amd64_image_serves()
    {
        var answers = new List<string?>();
        var tags = new List<string>();
        try
        {
            foreach (var arch in new[] { "amd64", "arm64" })
                answers.Add(await Serve(arch, tags));
        }
        finally
        {
            // Two framework images in a vfs store are a few hundred MB: not left behind.
            if (tags.Count > 0)
                Podman.Run(_app.Directory, ["rmi", "-f", .. tags]);
        }
        Assert.AreEqual("Hello World!", answers[0]);
        Assert.AreEqual(answers[0], answers[1], "the arm64 image answers otherwise than the amd64 one");
    }

    /// <summary>Takes the <paramref name="arch"/> image out of the index, loads it and returns what it answers.</summary>
    private static async Task<string?> Serve(string arch, List<string> tags)
    {
        var tag = $"localhost/multiarchweb-{arch}:1";
        tags.Add(tag);
        IndexImage.Load(Index, arch, tag, _app.Directory);

        using var container = WebContainer.Start(tag, "slim-e2e-multiarch-" + arch, architecture: arch);
        var answer = await Http.GetWithin(container.Url, TimeSpan.FromSeconds(arch == "arm64" ? 120 : 40));
        Assert.IsNotNull(answer, $"the {arch} image did not answer; logs:\n" + Podman.Run(SlimFeed.RunRoot, "logs", container.Name).Output);
        return answer;
    }

    /// <summary>dotnet publish -o DIR: each platform publishes to DIR/&lt;rid&gt;/, and the same images make the same index.</summary>
    [TestMethod]
    public void Zx_publish_o_puts_each_platform_into_its_own_folder_under_it()
    {
        var output = Path.Combine(Path.GetDirectoryName(_app.Directory)!, "MultiArchWeb-out");

        var published = _app.Publish("-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache, "-p:SlimMaxImageSize=" + Budget, "-o", output);

        Assert.AreEqual(0, published.ExitCode, published.Describe());
        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
            Assert.IsTrue(File.Exists(Path.Combine(output, rid, "MultiArchWeb.dll")), $"{rid} published into {output}/{rid}/:\n{published.Output}");
        var digest = System.Text.RegularExpressions.Regex.Match(published.Output, @"Slim: image index \S+ \((sha256:[0-9a-f]{64})\)").Groups[1].Value;
        Assert.AreEqual(Files.Json(Path.Combine(SlimDirectory, "report.json")).GetProperty("index").GetProperty("digest").GetString(), digest, published.Output);
    }

    /// <summary>
    /// A budget between the two platforms' images: the larger platform's publish fails with SLIM6005, so this publish fails
    /// and the registry sees nothing, neither the other platform's blobs nor an index.
    /// </summary>
    [TestMethod]
    public void Zy_a_platform_over_its_image_budget_fails_the_publish_and_nothing_is_pushed()
    {
        var sizes = Files.Json(Path.Combine(SlimDirectory, "report.json")).GetProperty("platforms").EnumerateArray()
            .Select(p => p.GetProperty("wireBytes").GetInt64()).Order().ToList();
        Assert.AreNotEqual(sizes[0], sizes[1], "the two images differ in size: " + string.Join(", ", sizes));
        using var registry = new LocalRegistry(parentFolder: SlimFeed.RunRoot);

        var over = _app.Publish("-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache, $"-p:ContainerRegistry={registry.Host}",
            "-p:ContainerRepository=e2e/overbudget", $"-p:SlimMaxImageSize={(sizes[0] + sizes[1]) / 2}");

        Assert.AreNotEqual(0, over.ExitCode, over.Describe());
        StringAssert.Contains(over.Output, "error SLIM6005");
        Assert.IsFalse(registry.Log.Contains("/v2/e2e/overbudget/", StringComparison.Ordinal), "the registry saw no request for the repository: " + registry.Log);
    }

    /// <summary>Runs last: the push republishes the app (unchanged) with ContainerRegistry set.</summary>
    [TestMethod]
    public void Zz_the_push_puts_one_index_under_the_tag_with_the_archive_digest_and_an_unchanged_push_uploads_no_blob()
    {
        using var registry = new LocalRegistry(parentFolder: SlimFeed.RunRoot);
        string[] push = ["-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache, $"-p:ContainerRegistry={registry.Host}",
            "-p:ContainerRepository=e2e/multiarch", "-p:ContainerImageTag=t1"];

        var first = _app.Publish(push);

        Assert.AreEqual(0, first.ExitCode, first.Describe());
        var digest = System.Text.RegularExpressions.Regex.Match(first.Output, @"Slim: image index \S+ \((sha256:[0-9a-f]{64})\)").Groups[1].Value;
        Assert.AreNotEqual("", digest, first.Output);
        var raw = ProcessRunner.Run("skopeo", ["inspect", "--raw", "--tls-verify=false", $"docker://{registry.Host}/e2e/multiarch:t1"], _app.Directory);
        Assert.AreEqual(0, raw.ExitCode, raw.Output);
        Assert.AreEqual(digest, Sha256(raw.Output.Trim()), "the tag names the archive's very index: " + raw.Output);
        using (var http = new HttpClient())
            Assert.AreEqual("""{"name":"e2e/multiarch","tags":["t1"]}""", http.GetStringAsync($"http://{registry.Host}/v2/e2e/multiarch/tags/list").Result.Trim(),
                "the platform images are pushed untagged, beside no tag of their own");
        StringAssert.Contains(first.Output, $"Slim: pushed {registry.Host}/e2e/multiarch:t1 ({digest})");
        var uploads = registry.BlobUploadRequests("e2e/multiarch");
        Assert.IsTrue(uploads > 0, registry.Log);

        var second = _app.Publish(push);

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        StringAssert.Contains(second.Output, ": 0 blob(s) uploaded, 0 bytes", "an unchanged republish uploads nothing");
        Assert.AreEqual(uploads, registry.BlobUploadRequests("e2e/multiarch"), "the registry saw no new upload");
    }

    private static string Sha256(string text) =>
        "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
