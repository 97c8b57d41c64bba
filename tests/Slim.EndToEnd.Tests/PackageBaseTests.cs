using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The default base (SlimBaseSource=packages, issue 27): a NativeAOT app asking for a culture, a time zone and an HTTPS
/// call gets its base from Debian 12 packages fetched from the archive this machine's apt sources name, pinned in
/// slim.packages.lock.json beside the project; the image runs in podman as the app user and prints what the host
/// prints. The CAs this machine's administrator added (SlimCaCertificates=local) sit in a layer of their own above the
/// base, which stays the same on every machine. The package cache is the test's own (SlimCacheDirectory under /tmp),
/// never ~/.cache.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class PackageBaseTests
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

    /// <summary>Kept between runs so the archive's index and .deb files are downloaded once.</summary>
    private static readonly string PackageCache = Path.Combine(Path.GetTempPath(), "slim-e2e-package-cache");

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string LockFile => Path.Combine(_app.Directory, "slim.packages.lock.json");
    private static string[] Properties => ["-p:SlimCacheDirectory=" + PackageCache];

    /// <summary>Whether this machine's administrator added a CA (update-ca-certificates' folder): then the image has a trust layer.</summary>
    private static bool MachineAddedCas =>
        Directory.Exists("/usr/local/share/ca-certificates") && Directory.EnumerateFiles("/usr/local/share/ca-certificates", "*.crt", SearchOption.AllDirectories).Any();

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        Podman.RequireOrSkip();
        _app = TestApp.Console("PackageBaseApp", SlimForm.PackageReference, "<PublishAot>true</PublishAot>", "", Program);
        _publish = _app.Publish(Properties);
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    [TestMethod]
    public void The_image_on_debian_packages_runs_as_the_app_user_and_prints_what_the_host_prints()
    {
        var host = ProcessRunner.Run(Path.Combine(_publish.PublishDirectory, "PackageBaseApp"), [], _publish.PublishDirectory).Output.Trim();
        StringAssert.EndsWith(host, "|1.234,50|09:00:00|tls 200", "the app itself misbehaves on this machine");

        var loaded = Podman.Run(_app.Directory, "load", "-i", Path.Combine(_publish.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var run = Podman.Run(_app.Directory, "run", "--rm", "--network", "host", "localhost/packagebaseapp:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("uid 1654" + host[host.IndexOf('|')..], run.Output.Trim(), "the image does not behave as the host: " + run.Output);

        var layers = Layers(PublishedImage());
        StringAssert.Matches(layers[0], new System.Text.RegularExpressions.Regex(@"^base: glibc, openssl, ca-certificates, icu, tzdata \(\d+ Debian 12 packages\)$"));
        Assert.AreEqual(MachineAddedCas, layers.Any(l => l.StartsWith("trust: ", StringComparison.Ordinal)), string.Join(" / ", layers));
        // The trust layer holds the added CAs alone, beside Debian's bundle (not the bundle again): the HTTPS call above
        // passes this machine's intercepting proxy only when .NET in the image reads that file.
        if (MachineAddedCas)
            CollectionAssert.AreEqual(new[] { "etc/ssl/certs/slim-added-cas.pem" },
                OciArchive.LayerFiles(Path.Combine(_publish.SlimDirectory, "image.tar"), Array.FindIndex(layers, l => l.StartsWith("trust: ", StringComparison.Ordinal))).Keys.ToArray());
    }

    /// <summary>
    /// SlimCaCertificates=none: Debian's bundle alone, no trust layer, and the base layer the same blob as with the
    /// machine's CAs added above it. The host run given that bundle (and no certificate folder) prints what the image
    /// prints: where this machine reaches the internet through an intercepting proxy only its added CA makes trusted,
    /// both fail the HTTPS call; elsewhere both get 200.
    /// </summary>
    [TestMethod]
    public void With_no_added_cas_the_image_has_debians_bundle_alone_and_the_same_base_layer()
    {
        var output = Path.Combine(_app.Directory, "no-added-cas");
        var build = ProcessRunner.Run("dotnet", ["msbuild", "-t:SlimImage", "-p:Configuration=Release", "-p:_IsPublishing=true", "-p:SlimCaCertificates=none",
            "-p:SlimOutputDirectory=" + output, "-p:ContainerRepository=packagebaseapp-debian-cas", .. Properties], _app.Directory, SlimFeed.Environment());
        Assert.AreEqual(0, build.ExitCode, build.Output);
        var built = ImageJustBuilt();
        Assert.IsFalse(Layers(built).Any(l => l.StartsWith("trust: ", StringComparison.Ordinal)), string.Join(" / ", Layers(built)));
        Assert.AreEqual(LayerDigests(PublishedImage())[0], LayerDigests(built)[0], "the base layer does not depend on the machine's added CAs");

        var bundle = Path.Combine(_app.Directory, "image-ca-certificates.crt");
        File.WriteAllBytes(bundle, BaseLayerFile(Path.Combine(output, "image.tar"), "etc/ssl/certs/ca-certificates.crt"));
        var noFolder = Directory.CreateDirectory(Path.Combine(_app.Directory, "no-certificate-folder")).FullName;
        var host = ProcessRunner.Run(Path.Combine(_publish.PublishDirectory, "PackageBaseApp"), [], _publish.PublishDirectory,
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = bundle, ["SSL_CERT_DIR"] = noFolder }).Output.Trim();
        StringAssert.Contains(host, "|1.234,50|09:00:00|tls ", "the app itself misbehaves on this machine");
        var loaded = Podman.Run(_app.Directory, "load", "-i", Path.Combine(output, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var run = Podman.Run(_app.Directory, "run", "--rm", "--network", "host", "localhost/packagebaseapp-debian-cas:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("uid 1654" + host[host.IndexOf('|')..], run.Output.Trim(), "the image does not behave as the host given its bundle: " + run.Output);
    }

    /// <summary>
    /// The same base on every build machine: the image step made again in a mount namespace where this machine's ICU,
    /// zone data, CA certificates and dpkg database are hidden, with an empty layer cache, gives the same base layer
    /// and the same image. The host base, under the same hiding, cannot give that base: the hiding bites.
    /// </summary>
    [TestMethod]
    public void The_base_does_not_depend_on_the_build_machines_own_files()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Assert.Inconclusive("SKIPPED LOUDLY: hiding this machine's files takes a mount namespace, which takes root (unshare -m).");
        var hidden = HiddenHostImage("hidden-host", "packages");
        Assert.AreEqual(0, hidden.ExitCode, hidden.Output);
        var built = ImageJustBuilt();
        Assert.AreEqual(LayerDigests(PublishedImage())[0], LayerDigests(built)[0], "the base layer changed when this machine's files were hidden");
        Assert.AreEqual(PublishedImage().GetProperty("digest").GetString(), built.GetProperty("digest").GetString());

        var host = HiddenHostImage("hidden-host-base", "host");
        Assert.IsTrue(host.ExitCode != 0 || LayerDigests(ImageJustBuilt())[0] != LayerDigests(PublishedImage())[0],
            "the host base made the same layer with this machine's files hidden: the hiding hid nothing");
    }

    private static ProcessResult HiddenHostImage(string name, string baseSource)
    {
        var output = Path.Combine(_app.Directory, name);
        var hide = new[] { "/usr/share/zoneinfo", "/usr/share/ca-certificates", "/etc/ssl/certs", "/var/lib/dpkg", "/usr/share/icu" }
            .Where(Directory.Exists).Select(f => $"mount -t tmpfs none {f}")
            .Concat(Directory.EnumerateFiles("/usr/lib/x86_64-linux-gnu", "libicu*.so.*").Select(f => $"mount --bind /dev/null {f}"));
        string[] build = ["dotnet", "msbuild", "-nr:false", "-t:SlimImage", "-p:Configuration=Release", "-p:_IsPublishing=true", "-p:SlimBaseSource=" + baseSource,
            "-p:SlimOutputDirectory=" + output, "-p:SlimLayerCacheDirectory=" + Path.Combine(output, "layer-cache"), .. Properties];
        var environment = new Dictionary<string, string>(SlimFeed.Environment())
        {
            // This machine's ICU is hidden from the build's own process too.
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        var command = string.Join(" && ", hide) + " && exec " + string.Join(" ", build.Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        return ProcessRunner.Run("unshare", ["-m", "sh", "-c", command], _app.Directory, environment);
    }

    /// <summary>The image of the class's publish, as its report gives it.</summary>
    private static JsonElement PublishedImage() => Files.Json(Path.Combine(_publish.SlimDirectory, "report.json")).GetProperty("image");

    /// <summary>The image the last image step alone made (obj/.../slim/image.json; the report is not written by it).</summary>
    private static JsonElement ImageJustBuilt() =>
        Files.Json(Directory.EnumerateFiles(Path.Combine(_app.Directory, "obj"), "image.json", SearchOption.AllDirectories).Single());

    private static string[] Layers(JsonElement image) => [.. image.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("holds").GetString()!)];

    private static string[] LayerDigests(JsonElement image) => [.. image.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!)];

    [TestMethod]
    public void The_lock_beside_the_project_pins_every_package_the_image_names_and_the_report_names_the_source()
    {
        Assert.IsTrue(File.Exists(LockFile), "slim.packages.lock.json beside the project after the first publish");
        using var lockJson = JsonDocument.Parse(File.ReadAllText(LockFile));
        var locked = lockJson.RootElement.GetProperty("packages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (Version: p.GetProperty("version").GetString()!, Sha: p.GetProperty("sha256").GetString()!));
        foreach (var name in new[] { "libc6", "libssl3", "ca-certificates", "libicu72", "tzdata", "base-files" })
            Assert.IsTrue(locked.ContainsKey(name), $"{name} is locked: {string.Join(", ", locked.Keys)}");

        var image = Files.Json(Path.Combine(_publish.SlimDirectory, "report.json")).GetProperty("image");
        Assert.AreEqual("packages", image.GetProperty("base").GetProperty("kind").GetString());
        var packages = image.GetProperty("packages").EnumerateArray().ToList();
        foreach (var package in packages)
        {
            var name = package.GetProperty("name").GetString()!;
            Assert.IsTrue(locked.TryGetValue(name, out var pin), $"the image holds {name}, which the lock does not pin");
            Assert.AreEqual(pin.Version, package.GetProperty("version").GetString(), name);
        }
        Assert.AreEqual("glibc", packages.Single(p => p.GetProperty("name").GetString() == "libc6").GetProperty("source").GetString());
        StringAssert.Contains(_publish.Output, "Debian 12 packages pinned in slim.packages.lock.json");
    }

    /// <summary>The image step alone, in locked mode, with libssl3 taken out of the lock: refused, naming it; the lock is left as it was.</summary>
    [TestMethod]
    public void Locked_mode_refuses_a_need_the_lock_lacks_and_names_the_package()
    {
        var original = File.ReadAllText(LockFile);
        var node = System.Text.Json.Nodes.JsonNode.Parse(original)!;
        var packages = node["packages"]!.AsArray();
        packages.Remove(packages.Single(p => p!["name"]!.GetValue<string>() == "libssl3"));
        File.WriteAllText(LockFile, node.ToJsonString());
        var withoutTls = File.ReadAllText(LockFile);
        try
        {
            var build = ProcessRunner.Run("dotnet", ["msbuild", "-t:SlimImage", "-p:Configuration=Release", "-p:_IsPublishing=true", "-p:SlimLockedMode=true",
                "-p:SlimOutputDirectory=" + Path.Combine(_app.Directory, "locked"), .. Properties], _app.Directory, SlimFeed.Environment());

            Assert.AreNotEqual(0, build.ExitCode, build.Output);
            StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"error SLIM4053: .*libssl3"));
            Assert.AreEqual(withoutTls, File.ReadAllText(LockFile), "locked mode never writes the lock");
        }
        finally
        {
            File.WriteAllText(LockFile, original);
        }
    }

    /// <summary>
    /// A framework-dependent app: the shared runtime's layer sits on the package base, and what the runtime's own
    /// native files need (libstdc++, libgcc_s) comes from Debian packages like the app's needs.
    /// </summary>
    [TestMethod]
    public void A_framework_dependent_app_runs_on_the_package_base_with_the_shared_runtime()
    {
        var app = TestApp.Console("PackageFrameworkApp", SlimForm.PackageReference, "", "", """
            using System.Globalization;
            Console.WriteLine($"{(1234.5).ToString("N2", CultureInfo.GetCultureInfo("de-DE"))}|{TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo").BaseUtcOffset}");
            """);
        var publish = app.Publish(Properties);
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        var locked = File.ReadAllText(Path.Combine(app.Directory, "slim.packages.lock.json"));
        foreach (var name in new[] { "\"libstdc++6\"", "\"libgcc-s1\"", "\"libicu72\"", "\"tzdata\"" })
            StringAssert.Contains(locked, name);

        var loaded = Podman.Run(app.Directory, "load", "-i", Path.Combine(publish.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var run = Podman.Run(app.Directory, "run", "--rm", "localhost/packageframeworkapp:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("1.234,50|09:00:00", run.Output.Trim());
    }

    /// <summary>A file of the image's first layer (the base).</summary>
    private static byte[] BaseLayerFile(string archive, string path) =>
        OciArchive.LayerFiles(archive, 0).TryGetValue(path, out var bytes) ? bytes : throw new AssertFailedException($"no {path} in the base layer");
}
