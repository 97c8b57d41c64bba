using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The image publish ends with, read by real clients: skopeo reads slim/image.tar, podman loads and runs it as
/// the non-root app user, and the app (NativeAOT, asking for a culture, a time zone and an HTTPS call) prints
/// in its image what it prints on the host: the base Slim assembled carries ICU, tzdata, OpenSSL and the CA
/// bundle because needs.json says so. Two clean publishes give one digest.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class ImageTests
{
    private const string Program = """
        using System.Globalization;
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:")).Split('\t')[1];
        var de = CultureInfo.GetCultureInfo("de-DE");
        string tls;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            tls = ((int)(await http.GetAsync("https://api.nuget.org/v3/index.json")).StatusCode).ToString();
        }
        catch (Exception e) { tls = e.GetType().Name + ": " + e.Message; }
        Console.WriteLine($"uid {uid}|{(1234.5).ToString("N2", de)}|{TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo").BaseUtcOffset}|tls {tls}");
        """;

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string _firstDigest = "";
    private static string Archive => Path.Combine(_publish.SlimDirectory, "image.tar");

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.RequireOrSkip();
        _app = TestApp.Console("ImageApp", SlimForm.PackageReference, "<PublishAot>true</PublishAot>", "", Program);
        var first = _app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        _firstDigest = Digest(first);
        // The second publish starts from clean: nothing of the first is reused.
        Directory.Delete(Path.Combine(_app.Directory, "bin"), recursive: true);
        Directory.Delete(Path.Combine(_app.Directory, "obj"), recursive: true);
        _publish = _app.Publish();
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    private static string Digest(PublishResult publish) =>
        Files.Json(Path.Combine(publish.SlimDirectory, "report.json")).GetProperty("image").GetProperty("digest").GetString()!;

    [TestMethod]
    public void The_image_runs_as_the_app_user_and_prints_what_the_host_prints()
    {
        var host = ProcessRunner.Run(Path.Combine(_publish.PublishDirectory, "ImageApp"), [], _publish.PublishDirectory).Output.Trim();
        StringAssert.EndsWith(host, "|1.234,50|09:00:00|tls 200", "the app itself misbehaves on this machine");

        var loaded = Podman.Run(_app.Directory, "load", "-i", Archive);
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        StringAssert.Contains(loaded.Output, "localhost/imageapp:1.0.0");
        var run = Podman.Run(_app.Directory, "run", "--rm", "--network", "host", "localhost/imageapp:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("uid 1654" + host[host.IndexOf('|')..], run.Output.Trim(), "the image does not behave as the host: " + run.Output);
        Assert.AreEqual("1654", Podman.Inspect("localhost/imageapp:1.0.0", "{{.Config.User}}"));
    }

    [TestMethod]
    public void Skopeo_reads_the_archive_and_the_report_holds_the_image()
    {
        var inspect = ProcessRunner.Run("skopeo", ["inspect", "oci-archive:" + Archive], _app.Directory);
        Assert.AreEqual(0, inspect.ExitCode, inspect.Output);
        var report = Files.Json(Path.Combine(_publish.SlimDirectory, "report.json"));
        var image = report.GetProperty("image");
        StringAssert.StartsWith(image.GetProperty("digest").GetString(), "sha256:");
        // This machine's added CAs, when it has any, sit in a layer of their own (PackageBaseTests shows it).
        var layers = image.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("holds").GetString()!)
            .Where(h => !h.StartsWith("trust: ", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(2, layers.Count, string.Join(" / ", layers));
        StringAssert.Matches(layers[0], new System.Text.RegularExpressions.Regex(@"^base: glibc, openssl, ca-certificates, icu, tzdata \(\d+ Debian 12 packages\)$"));
        Assert.AreEqual("app", layers[1]);
        CollectionAssert.Contains(image.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList(), "libc6");
        StringAssert.Contains(_publish.Output, "Slim: image sha256:");
    }

    /// <summary>
    /// ContainerBaseImage as a plain path to an OCI archive, relative to the project: this publish's own image
    /// becomes the base of the next (SlimImage run alone, no second AOT publish). Its layers come first,
    /// unchanged; the app runs on it; the report names the base with its digest.
    /// </summary>
    [TestMethod]
    public void An_image_on_an_oci_archive_base_keeps_its_layers_and_runs()
    {
        Directory.CreateDirectory(Path.Combine(_app.Directory, "bases"));
        File.Copy(Archive, Path.Combine(_app.Directory, "bases", "auto.tar"), overwrite: true);
        var output = Path.Combine(_app.Directory, "on-base");
        var build = ProcessRunner.Run("dotnet", ["msbuild", "-t:SlimImage", "-p:Configuration=Release", "-p:_IsPublishing=true",
            "-p:ContainerBaseImage=bases/auto.tar", "-p:SlimOutputDirectory=" + output, "-p:ContainerRepository=imageapp-on-base"],
            _app.Directory, SlimFeed.Environment());
        Assert.AreEqual(0, build.ExitCode, build.Output);

        var baseLayers = Layers(Path.Combine(_app.Directory, "bases", "auto.tar"));
        var layers = Layers(Path.Combine(output, "image.tar"));
        CollectionAssert.AreEqual(baseLayers, layers.Take(baseLayers.Length).ToArray(), "the base's blobs first, unchanged");
        Assert.AreEqual(baseLayers.Length + 1, layers.Length);
        var image = Files.Json(Directory.EnumerateFiles(Path.Combine(_app.Directory, "obj"), "image.json", SearchOption.AllDirectories).Single());
        Assert.AreEqual("oci-archive", image.GetProperty("base").GetProperty("kind").GetString());
        Assert.AreEqual(Digest(_publish), image.GetProperty("base").GetProperty("digest").GetString());
        // The SBOM names the operating system from the base's own os-release and its packages' source packages.
        var components = Files.Json(Path.Combine(output, "ImageApp.cdx.json")).GetProperty("components").EnumerateArray().ToList();
        var system = components.Single(c => c.GetProperty("type").GetString() == "operating-system");
        Assert.AreEqual("debian", system.GetProperty("name").GetString());
        StringAssert.Contains(components.Single(c => c.GetProperty("name").GetString() == "libc6").GetProperty("purl").GetString(), "upstream=glibc");

        var loaded = Podman.Run(_app.Directory, "load", "-i", Path.Combine(output, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var run = Podman.Run(_app.Directory, "run", "--rm", "--network", "host", "localhost/imageapp-on-base:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.StartsWith(run.Output.Trim(), "uid 1654|1.234,50|09:00:00|tls", run.Output);
    }

    private static string[] Layers(string archive)
    {
        var inspect = ProcessRunner.Run("skopeo", ["inspect", "oci-archive:" + archive], _app.Directory);
        Assert.AreEqual(0, inspect.ExitCode, inspect.Output);
        using var json = System.Text.Json.JsonDocument.Parse(inspect.Output);
        return [.. json.RootElement.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!)];
    }

    /// <summary>Runs last: the push republishes the shared app (unchanged) with ContainerRegistry set.</summary>
    [TestMethod]
    public void Zz_publish_pushes_to_a_registry_at_the_archive_digest_and_an_unchanged_push_uploads_no_blob()
    {
        using var registry = new LocalRegistry(parentFolder: SlimFeed.RunRoot);
        string[] push = [$"-p:ContainerRegistry={registry.Host}", "-p:ContainerRepository=e2e/imageapp", "-p:ContainerImageTags=1.0.0%3Bstable"];

        var first = _app.Republish(push);

        Assert.AreEqual(0, first.ExitCode, first.Describe());
        var digest = Digest(first);
        Assert.AreEqual(_firstDigest, digest, "pushing does not change the image");
        var inspect = ProcessRunner.Run("skopeo", ["inspect", "--tls-verify=false", $"docker://{registry.Host}/e2e/imageapp:stable"], _app.Directory);
        Assert.AreEqual(0, inspect.ExitCode, inspect.Output);
        StringAssert.Contains(inspect.Output, digest, "the registry holds the archive's digest");
        var pushed = Files.Json(Path.Combine(first.SlimDirectory, "report.json")).GetProperty("image").GetProperty("push");
        Assert.AreEqual(digest, pushed.GetProperty("digest").GetString());
        Assert.IsTrue(pushed.GetProperty("bytesUploaded").GetInt64() > 1_000_000, "the first push sends the layers: " + pushed);
        StringAssert.Contains(first.Output, $"Slim: pushed {registry.Host}/e2e/imageapp:1.0.0, {registry.Host}/e2e/imageapp:stable");
        var uploads = registry.BlobUploadRequests("e2e/imageapp");
        Assert.IsTrue(uploads > 0, registry.Log);

        var second = _app.Republish(push);

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        var again = Files.Json(Path.Combine(second.SlimDirectory, "report.json")).GetProperty("image").GetProperty("push");
        Assert.AreEqual(0L, again.GetProperty("bytesUploaded").GetInt64(), "an unchanged image uploads nothing: " + again);
        Assert.AreEqual(uploads, registry.BlobUploadRequests("e2e/imageapp"), "the registry saw no new upload");
    }

    [TestMethod]
    public void Two_clean_publishes_give_one_digest() =>
        Assert.AreEqual(_firstDigest, Digest(_publish), "same inputs, two builds from clean: the digest must not change");
}
