using System.Text.Json;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>ImageBuilder on a base read from an OCI layout: the base's layers first and unchanged, the configs merged, the base named.</summary>
[TestClass]
public sealed class ImageOnLayoutBaseTests
{
    private TempFolder _temp = null!;

    [TestInitialize]
    public void CreateTemp() => _temp = new TempFolder();

    [TestCleanup]
    public void RemoveTemp() => _temp.Dispose();

    [TestMethod]
    public void The_base_layers_go_first_unchanged_and_the_config_merges_the_bases_env_labels_and_history()
    {
        var baseImage = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        BaseLayouts.Folder(baseImage, Path.Combine(_temp.Path, "base"));
        var publish = Publish(NativeFixtures.StaticExecutable(_temp.Path, "app on a base", "greeter"));
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(Request(publish, "oci-layout:base:latest", "one"), diagnostics);

        Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual(new BaseSummary("oci-layout", "oci-layout:base:latest", baseImage.ManifestDigest), image.Base);
        Assert.AreEqual(baseImage.Layers[0].Digest, image.Layers[0].Digest);
        Assert.AreEqual("base: oci-layout:base:latest", image.Layers[0].Holds);
        Assert.AreEqual("app", image.Layers[^1].Holds);
        Assert.AreEqual(image.Layers.Sum(l => l.WireBytes), image.WireBytes);
        Assert.IsTrue(image.WireBytes > baseImage.Layers[0].Size, "the budgets count the base's layers");
        Assert.AreEqual("libc6", image.Packages.Single().Name);

        var (manifest, config) = Documents(image.Archive);
        var annotations = manifest.GetProperty("annotations");
        Assert.AreEqual("oci-layout:base:latest", annotations.GetProperty("org.opencontainers.image.base.name").GetString());
        Assert.AreEqual(baseImage.ManifestDigest, annotations.GetProperty("org.opencontainers.image.base.digest").GetString());
        Assert.AreEqual(baseImage.Layers[0].Digest, manifest.GetProperty("layers")[0].GetProperty("digest").GetString());
        Assert.AreEqual(baseImage.Layers[0].DiffId, config.GetProperty("rootfs").GetProperty("diff_ids")[0].GetString());
        CollectionAssert.AreEqual(new[] { "base layer 0", "slim: app" },
            config.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("created_by").GetString()).ToArray());
        var run = config.GetProperty("config");
        CollectionAssert.AreEqual(new[] { "PATH=/app:/usr/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt", "DOTNET_RUNNING_IN_CONTAINER=true" },
            run.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual("base-vendor", run.GetProperty("Labels").GetProperty("org.opencontainers.image.vendor").GetString());
        Assert.AreEqual("greeter", run.GetProperty("Labels").GetProperty("org.opencontainers.image.title").GetString());
        Assert.AreEqual("/app/greeter", run.GetProperty("Entrypoint")[0].GetString());
        Assert.IsFalse(run.TryGetProperty("Cmd", out _), "the base's Cmd was an argument list for its own entry point");
        Assert.AreEqual("1654", run.GetProperty("User").GetString());

        var again = ImageBuilder.Build(Request(publish, "oci-layout:base:latest", "two"), new RecordingDiagnostics());
        Assert.AreEqual(image.Digest, again?.Digest, "same base and inputs, same digest");
    }

    [TestMethod]
    public void The_sbom_on_a_layout_base_names_the_bases_operating_system_from_its_os_release_even_through_a_link()
    {
        var plain = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        BaseLayouts.Folder(plain, Path.Combine(_temp.Path, "plain"));
        // As Debian ships it: etc/os-release links to ../usr/lib/os-release, which holds the text.
        var linked = BaseLayouts.Image([BaseLayouts.Layer(_temp.Path,
            LayerEntry.FromText("usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nID=debian\nVERSION_ID=\"13\"\n"),
            LayerEntry.Link("etc/os-release", "../usr/lib/os-release"),
            LayerEntry.FromText("var/lib/dpkg/status.d/libc6", BaseLayouts.Libc6Status))]);
        BaseLayouts.Folder(linked, Path.Combine(_temp.Path, "linked"));
        var publish = Publish(NativeFixtures.StaticExecutable(_temp.Path, "app on a base", "greeter"));

        foreach (var (folder, version) in new[] { ("plain", "12"), ("linked", "13") })
        {
            var diagnostics = new RecordingDiagnostics();
            var sbom = new Slim.Build.Tasks.Sbom.SbomRequest("greeter", "1.0.0", [], BaseLayouts.Epoch.Time, "1.0.0");
            var image = ImageBuilder.Build(Request(publish, $"oci-layout:{folder}:latest", "sbom-" + folder) with
            {
                Sbom = sbom, SbomFile = Path.Combine(_temp.Path, "sbom-" + folder, "greeter.cdx.json"),
            }, diagnostics);
            Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
            using var bom = JsonDocument.Parse(File.ReadAllBytes(image.Sbom!));
            var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();
            var system = components.Single(c => c.GetProperty("type").GetString() == "operating-system");
            Assert.AreEqual(("debian", version), (system.GetProperty("name").GetString(), system.GetProperty("version").GetString()), folder);
            StringAssert.Contains(components.Single(c => c.GetProperty("name").GetString() == "libc6").GetProperty("purl").GetString(),
                $"distro=debian-{version}&upstream=glibc", folder);
        }
    }

    [TestMethod]
    public void A_shipped_file_needing_a_newer_glibc_than_the_bases_libc6_is_SLIM4012_naming_both_versions()
    {
        var old = BaseLayouts.Layer(_temp.Path, LayerEntry.FromText("var/lib/dpkg/status.d/libc6",
            BaseLayouts.Libc6Status.Replace("2.36-9+deb12u4", "2.28-10+deb10u2")));
        BaseLayouts.Folder(BaseLayouts.Image([old]), Path.Combine(_temp.Path, "buster"));
        var publish = Publish("/usr/bin/true");
        var needed = ElfFileNewest("/usr/bin/true");
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(ImageBuilder.Build(Request(publish, "buster", "one"), diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseGlibcTooOld, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { "true", needed, "buster", "2.28" }, error.Args);
    }

    [TestMethod]
    public void A_base_without_a_glibc_Slim_can_see_gets_SLIM4031_and_the_image_is_still_built()
    {
        BaseLayouts.Folder(BaseLayouts.Image([BaseLayouts.Layer(_temp.Path, LayerEntry.FromText("etc/motd", "no libc here"))]), Path.Combine(_temp.Path, "bare"));
        var publish = Publish("/usr/bin/true");
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNotNull(ImageBuilder.Build(Request(publish, "oci-layout:bare", "one"), diagnostics));

        var warning = diagnostics.Items.Single();
        Assert.AreEqual(("warning", SlimDiagnostics.BaseGlibcUnknown), (warning.Level, warning.Diagnostic));
        Assert.AreEqual("true", warning.Args[0]);
    }

    [TestMethod]
    public void A_registry_reference_is_pulled_into_the_cache_and_built_on_like_a_layout()
    {
        using var registry = new LocalRegistry();
        var baseImage = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        BaseLayouts.Folder(baseImage, Path.Combine(_temp.Path, "base"));
        Registry.PushFixture.Skopeo("copy", "--dest-tls-verify=false", $"oci:{Path.Combine(_temp.Path, "base")}:latest", $"docker://{registry.Host}/dotnet/base:1");
        var reference = $"{registry.Host}/dotnet/base:1";
        var publish = Publish(NativeFixtures.StaticExecutable(_temp.Path, "app on a pulled base", "greeter"));
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(Request(publish, reference, "one") with { CacheDirectory = Path.Combine(_temp.Path, "cache") }, diagnostics);

        Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual("registry", image.Base.Kind);
        Assert.AreEqual(reference, image.Base.Name);
        Assert.AreEqual(baseImage.Layers[0].Digest, image.Layers[0].Digest, "the pulled base's layer first, unchanged");
        Assert.AreEqual("app", image.Layers[^1].Holds);
        var (manifest, _) = Documents(image.Archive);
        Assert.AreEqual(reference, manifest.GetProperty("annotations").GetProperty("org.opencontainers.image.base.name").GetString());
        Assert.AreEqual(image.Base.Digest, manifest.GetProperty("annotations").GetProperty("org.opencontainers.image.base.digest").GetString());

        registry.Stop();
        var offline = new RecordingDiagnostics();
        var again = ImageBuilder.Build(Request(publish, reference, "two") with { CacheDirectory = Path.Combine(_temp.Path, "cache") }, offline);
        Assert.AreEqual(image.Digest, again?.Digest, "the cached base builds the same image with the registry gone");
        Assert.AreEqual(SlimDiagnostics.BaseFromCacheOffline, offline.Items.Single().Diagnostic);

        var uncached = new RecordingDiagnostics();
        Assert.IsNull(ImageBuilder.Build(Request(publish, reference, "three") with { CacheDirectory = Path.Combine(_temp.Path, "empty-cache") }, uncached));
        Assert.AreEqual(SlimDiagnostics.BaseUnavailable, uncached.Items.Single().Diagnostic);
    }

    private static string ElfFileNewest(string path) => Slim.Build.Tasks.Elf.ElfFile.TryRead(path)!.GlibcVersions[^1];

    private string Publish(string program)
    {
        var folder = Path.Combine(_temp.Path, "publish-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(program));
        File.Copy(program, target);
        return folder;
    }

    private ImageRequest Request(string publish, string baseImage, string run)
    {
        var app = Directory.EnumerateFiles(publish).Single();
        var spec = new ContainerSpec("", "", "1654", "/app", ["/app/" + Path.GetFileName(app)], [],
            [new NameValue("PATH", "/app:/usr/bin"), new NameValue("DOTNET_RUNNING_IN_CONTAINER", "true")],
            [new NameValue("org.opencontainers.image.title", "greeter"), new NameValue("org.opencontainers.image.base.name", "runtime-deps")]);
        var container = new ContainerDescription(new ContainerProject("greeter", SizeProfile.Aot, "net10.0", "linux-x64", Path.GetFileName(app), false), spec);
        var needs = new RuntimeNeeds(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [], [], []);
        return new ImageRequest(container, needs, publish, new Dictionary<string, FileOrigin>(), "linux-x64", baseImage, "oci", ["localhost/greeter:1"],
            null, Path.Combine(_temp.Path, run, "obj", "image"), Path.Combine(_temp.Path, run, "slim", "image.tar"), BaseLayouts.Epoch)
        { ProjectDirectory = _temp.Path };
    }

    /// <summary>The manifest and config of an OCI archive, read from its index.</summary>
    internal static (JsonElement Manifest, JsonElement Config) Documents(string archive)
    {
        var entries = LayerReader.Read(archive, gzip: false).ToDictionary(e => e.Name, e => e.Content);
        var index = JsonDocument.Parse(entries["index.json"]).RootElement;
        var manifest = JsonDocument.Parse(entries[Blob(index.GetProperty("manifests")[0])]).RootElement;
        var config = JsonDocument.Parse(entries[Blob(manifest.GetProperty("config"))]).RootElement;
        return (manifest, config);
    }

    private static string Blob(JsonElement descriptor) => "blobs/sha256/" + Sha256Digest.Hex(descriptor.GetProperty("digest").GetString()!);
}
