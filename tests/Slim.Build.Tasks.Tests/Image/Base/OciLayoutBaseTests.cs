using System.Formats.Tar;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class OciLayoutBaseTests
{
    private TempFolder _temp = null!;

    [TestInitialize]
    public void CreateTemp() => _temp = new TempFolder();

    [TestCleanup]
    public void RemoveTemp() => _temp.Dispose();

    private string Work => Path.Combine(_temp.Path, "obj", "slim", "image");

    [TestMethod]
    public void A_layout_folder_gives_the_manifest_digest_the_layers_unchanged_the_config_and_the_dpkg_packages()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path), BaseLayouts.Layer(_temp.Path, LayerEntry.FromText("etc/motd", "hi"))]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"));
        var diagnostics = new RecordingDiagnostics();

        var read = OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, diagnostics);

        Assert.IsNotNull(read, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual(image.ManifestDigest, read.ManifestDigest);
        CollectionAssert.AreEqual(image.Layers.Select(l => (l.Digest, l.DiffId, l.Size, l.UncompressedSize)).ToArray(),
            read.Layers.Select(l => (l.Digest, l.DiffId, l.Size, l.UncompressedSize)).ToArray());
        Assert.IsTrue(read.Layers.All(l => l.Path.StartsWith(folder, StringComparison.Ordinal)), "blobs are used where they are, not copied");
        Assert.AreEqual("/usr/local/bin:/usr/bin:/bin", read.Config.Environment.Single(e => e.Name == "PATH").Value);
        Assert.AreEqual("65532", read.Config.User);
        CollectionAssert.AreEqual(new[] { "--base-arg" }, read.Config.Cmd.ToArray());
        Assert.AreEqual("base-vendor", read.Config.Labels.Single(l => l.Name == "org.opencontainers.image.vendor").Value);
        Assert.AreEqual(2, read.Config.History.Count);
        var libc6 = read.Packages.Single();
        Assert.AreEqual(("libc6", "2.36-9+deb12u4", "amd64", "glibc"), (libc6.Name, libc6.Version, libc6.Architecture, libc6.Source));
        Assert.AreEqual(new Version(2, 36), read.Glibc);
        Assert.AreEqual("oci-layout", read.Kind);
        CollectionAssert.AreEqual(image.Layers.Select(l => Sha256Digest.Hex(l.Digest) + ".json").Order().ToArray(),
            Directory.EnumerateFileSystemEntries(Work, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Work, f))
                .Where(f => f != "base-scans").Select(f => Path.GetFileName(f)).Order().ToArray(),
            "a folder is read in place: only the layer scans are kept");
    }

    [TestMethod]
    public void A_layout_archive_reads_the_same_and_unpacks_only_layout_members_under_the_work_folder()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        var archive = new OciArchiveWriter(BaseLayouts.Epoch).Write(image, ["localhost/base:1"], Path.Combine(_temp.Path, "base.tar"));
        var diagnostics = new RecordingDiagnostics();

        var read = OciLayoutBase.Read(BaseReference.Parse("oci-archive:base.tar:1", _temp.Path), BaseLayouts.Amd64, Work, diagnostics);

        Assert.IsNotNull(read, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code)));
        Assert.AreEqual(archive.ManifestDigest, read.ManifestDigest);
        Assert.AreEqual("oci-archive", read.Kind);
        Assert.AreEqual(image.Layers[0].Digest, read.Layers[0].Digest);
        Assert.IsTrue(read.Layers[0].Path.StartsWith(Path.Combine(Work, "base"), StringComparison.Ordinal), read.Layers[0].Path);
        var written = Directory.EnumerateFiles(Path.Combine(Work, "base"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Work, "base"), f).Split(Path.DirectorySeparatorChar, 2)[1]).Order().ToArray();
        CollectionAssert.AreEqual(new[] { ".slim-unpacked", "blobs/sha256/" + Sha256Digest.Hex(image.ConfigDigest), "blobs/sha256/" + Sha256Digest.Hex(image.Layers[0].Digest),
            "blobs/sha256/" + Sha256Digest.Hex(image.ManifestDigest), "index.json", "oci-layout" }.Order().ToArray(), written);
    }

    [TestMethod]
    public void A_tampered_layer_blob_is_refused_with_both_digests_even_after_a_good_read_kept_its_scan()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"));
        Assert.IsNotNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, new RecordingDiagnostics()));
        var blob = Path.Combine(folder, "blobs", "sha256", Sha256Digest.Hex(image.Layers[0].Digest));
        var bytes = File.ReadAllBytes(blob);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(blob, bytes);
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseBlob_Mismatch, error.Diagnostic);
        Assert.AreEqual(image.Layers[0].Digest, error.Args[1]);
        Assert.AreNotEqual(image.Layers[0].Digest, error.Args[3]);
    }

    [TestMethod]
    public void A_config_whose_diff_id_is_not_the_layers_is_refused()
    {
        var layer = BaseLayouts.DebianLikeLayer(_temp.Path);
        var image = BaseLayouts.Image([layer with { DiffId = "sha256:" + new string('0', 64) }]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"));
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseLayerDiffIdMismatch, error.Diagnostic);
        Assert.AreEqual(layer.DiffId, error.Args[2]);
    }

    [TestMethod]
    public void A_nested_index_leads_to_the_platforms_manifest_and_another_platform_is_refused_naming_what_there_is()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"), name: "12", nested: true);

        var found = OciLayoutBase.Read(BaseReference.Parse("oci-layout:base:12", _temp.Path), BaseLayouts.Amd64, Work, new RecordingDiagnostics());
        Assert.AreEqual(image.ManifestDigest, found?.ManifestDigest);

        var diagnostics = new RecordingDiagnostics();
        Assert.IsNull(OciLayoutBase.Read(folder, new ImagePlatform("arm64"), Work, diagnostics));
        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BasePlatformMissing, error.Diagnostic);
        Assert.AreEqual("linux/arm64", error.Args[1]);
        Assert.AreEqual("linux/amd64", error.Args[2]);
    }

    [TestMethod]
    public void Two_unnamed_images_are_refused_with_Slim4022_listing_them_and_unnamed_platforms_of_one_image_are_not()
    {
        var first = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        var second = BaseLayouts.Image([BaseLayouts.Layer(_temp.Path, new LayerEntry("etc/other", LayerEntryKind.File, LayerEntry.Regular, Content: "2"u8.ToArray()))]);
        Assert.AreNotEqual(first.ManifestDigest, second.ManifestDigest);
        var folder = Path.Combine(_temp.Path, "base");
        BaseLayouts.Folder(first, folder, name: null);
        BaseLayouts.Folder(second, folder, name: null);
        void Index(ImagePlatform? one, ImagePlatform? two) => File.WriteAllBytes(Path.Combine(folder, "index.json"), OciJsonWriter.Write(new ImageIndex(
            [new Descriptor(MediaTypes.OciManifest, first.ManifestDigest, first.Manifest.Length, one), new Descriptor(MediaTypes.OciManifest, second.ManifestDigest, second.Manifest.Length, two)])));

        Index(null, null);
        var diagnostics = new RecordingDiagnostics();
        Assert.IsNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, diagnostics));
        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseImageNotFound_Ambiguous, error.Diagnostic);
        Assert.AreEqual("SLIM4022", error.Diagnostic.Code);
        Assert.AreEqual(first.ManifestDigest + ", " + second.ManifestDigest, error.Args[1]);

        // Measured: two unnamed images that both say linux/amd64 were used silently (the first one).
        Index(BaseLayouts.Amd64, BaseLayouts.Amd64);
        var same = new RecordingDiagnostics();
        Assert.IsNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, same));
        Assert.AreEqual(SlimDiagnostics.BaseImageNotFound_Ambiguous, same.Items.Single().Diagnostic);

        // The same two manifests told apart by platform are one image for two platforms: the app's is taken.
        Index(new ImagePlatform("arm64"), BaseLayouts.Amd64);
        Assert.AreEqual(second.ManifestDigest, OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, new RecordingDiagnostics())?.ManifestDigest);
    }

    [TestMethod]
    public void A_name_the_layout_does_not_hold_is_refused_listing_the_names_it_does()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"), name: "12");
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(BaseReference.Parse("oci-layout:base:11", _temp.Path), BaseLayouts.Amd64, Work, diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseImageNotFound_Name, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { "oci-layout:base:11", "11", "12" }, error.Args);
    }

    [TestMethod]
    public void A_zstd_layer_is_SLIM4025_naming_its_media_type()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"));
        var manifest = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(image.Manifest).Replace("tar+gzip", "tar+zstd"));
        File.WriteAllBytes(Path.Combine(folder, "blobs", "sha256", Sha256Digest.Hex(Sha256Digest.Of(manifest))), manifest);
        File.WriteAllText(Path.Combine(folder, "index.json"), File.ReadAllText(Path.Combine(folder, "index.json"))
            .Replace(image.ManifestDigest, Sha256Digest.Of(manifest)).Replace($"\"size\":{image.Manifest.Length}", $"\"size\":{manifest.Length}"));
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(folder, BaseLayouts.Amd64, Work, diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.BaseLayerMediaTypeUnsupported, error.Diagnostic);
        Assert.AreEqual("application/vnd.oci.image.layer.v1.tar+zstd", error.Args[2]);
    }

    [TestMethod]
    public void A_missing_layout_is_SLIM4020()
    {
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(BaseReference.Parse("./nowhere", _temp.Path), BaseLayouts.Amd64, Work, diagnostics));

        Assert.AreEqual("SLIM4020", diagnostics.Items.Single().Diagnostic.Code);
    }

    public static IEnumerable<object[]> HostileEntries =>
    [
        ["path with ..", new Func<TarEntry>(() => BaseLayouts.File("../evil")), "SLIM4026", "../evil"],
        ["path with .. inside", new Func<TarEntry>(() => BaseLayouts.File("usr/../../evil")), "SLIM4026", "usr/../../evil"],
        ["absolute path", new Func<TarEntry>(() => BaseLayouts.File("/etc/abs")), "SLIM4026", "/etc/abs"],
        ["symlink out", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.SymbolicLink, "etc/link") { LinkName = "../../outside" }), "SLIM4027", "etc/link"],
        ["hard link out", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.HardLink, "etc/hard") { LinkName = "../outside" }), "SLIM4027", "etc/hard"],
        ["hard link absolute", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.HardLink, "etc/hard") { LinkName = "/etc/shadow" }), "SLIM4027", "etc/hard"],
        ["char device", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.CharacterDevice, "dev/null") { DeviceMajor = 1, DeviceMinor = 3 }), "SLIM4028", "dev/null"],
        ["block device", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.BlockDevice, "dev/sda") { DeviceMajor = 8, DeviceMinor = 0 }), "SLIM4028", "dev/sda"],
        ["fifo", new Func<TarEntry>(() => new PaxTarEntry(TarEntryType.Fifo, "run/pipe")), "SLIM4028", "run/pipe"],
    ];

    [TestMethod]
    [DynamicData(nameof(HostileEntries))]
    public void A_hostile_base_layer_is_refused_naming_the_layer_and_the_entry_and_nothing_is_written(string what, Func<TarEntry> hostile, string code, string entry)
    {
        var layer = BaseLayouts.RawLayer(_temp.Path, BaseLayouts.File("etc/fine"), hostile(), BaseLayouts.File("etc/after"));
        var image = BaseLayouts.Image([layer]);
        var archive = new OciArchiveWriter(BaseLayouts.Epoch).Write(image, ["localhost/hostile:1"], Path.Combine(_temp.Path, "in", "hostile.tar"));
        var before = Snapshot();
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(OciLayoutBase.Read(archive.Path, BaseLayouts.Amd64, Work, diagnostics), what);

        var error = diagnostics.Items.Single();
        Assert.AreEqual(code, error.Diagnostic.Code, what);
        Assert.AreEqual(layer.Digest, error.Args[1], what);
        CollectionAssert.Contains(error.Args, entry, what);
        var added = Snapshot().Except(before).Where(f => !Work.StartsWith(f, StringComparison.Ordinal)).ToList();
        Assert.IsTrue(added.All(f => f.StartsWith(Path.Combine(Work, "base"), StringComparison.Ordinal)), string.Join(", ", added));
        Assert.IsFalse(added.Any(f => f.Contains("evil") || f.Contains("outside") || f.EndsWith("/fine")), string.Join(", ", added));
        Assert.IsFalse(File.Exists(Path.Combine(Path.GetTempPath(), "evil")));
    }

    private List<string> Snapshot() => [.. Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories)];
}
