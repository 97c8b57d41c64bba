using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// ContainerRuntimeIdentifiers=linux-x64;linux-arm64 (issue 28, phase 1): one publish of a framework-dependent web app
/// makes one OCI image index in slim/image.tar with an amd64 and an arm64 image, each its own platform's publish
/// (slim/&lt;rid&gt;/: image, report, checklist), the arm64 base from Debian's arm64 packages and its shared runtime from the
/// arm64 runtime packs. Both images are taken out of the index by skopeo, as a client would, and served by podman; the
/// arm64 one under emulation (qemu-user-static registered in binfmt_misc, as build/bootstrap.sh sets up). The push sends
/// one index under the tag.
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
        _publish = _app.Publish("-p:SlimBaseSource=packages", "-p:SlimCacheDirectory=" + PackageCache);
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
    public async Task The_arm64_image_serves_under_emulation_what_the_amd64_image_serves()
    {
        var answers = new List<string?>();
        var tags = new List<string>();
        try
        {
            foreach (var (arch, port) in new[] { ("amd64", 18291), ("arm64", 18292) })
                answers.Add(await Serve(arch, port, tags));
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
    private static async Task<string?> Serve(string arch, int port, List<string> tags)
    {
        var tag = $"localhost/multiarchweb-{arch}:1";
        tags.Add(tag);
        IndexImage.Load(Index, arch, tag, _app.Directory);

        using var container = WebContainer.Start(tag, "slim-e2e-multiarch-" + arch, port, arch);
        var answer = await Http.GetWithin(container.Url, TimeSpan.FromSeconds(arch == "arm64" ? 120 : 40));
        Assert.IsNotNull(answer, $"the {arch} image did not answer; logs:\n" + Podman.Run(SlimFeed.RunRoot, "logs", container.Name).Output);
        return answer;
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
        Assert.AreEqual(digest, "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw.Output.Trim()))).ToLowerInvariant(),
            "the tag names the archive's very index: " + raw.Output);
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
}
