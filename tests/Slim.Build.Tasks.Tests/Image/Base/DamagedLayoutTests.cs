using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>
/// A base layout on disk that is damaged where no digest can catch it (the documents themselves, the archive, a
/// layer that is not gzip): refused with SLIM4021 or SLIM4029, naming ContainerBaseImage's value and the layout.
/// </summary>
[TestClass]
public sealed class DamagedLayoutTests
{
    private TempFolder _temp = null!;

    [TestInitialize]
    public void CreateTemp() => _temp = new TempFolder();

    [TestCleanup]
    public void RemoveTemp() => _temp.Dispose();

    private string Work => Path.Combine(_temp.Path, "obj", "slim", "image");

    private string GoodLayout() =>
        BaseLayouts.Folder(BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]), Path.Combine(_temp.Path, "base"));

    private string Refused(string value, SlimDiagnostic expected)
    {
        var diagnostics = new RecordingDiagnostics();
        Assert.IsNull(OciLayoutBase.Read(BaseReference.Parse(value, _temp.Path), BaseLayouts.Amd64, Work, diagnostics), "a damaged base was used");
        Assert.AreEqual(expected, diagnostics.Errors.Single(), DiagnosticText.Listing(diagnostics));
        return DiagnosticText.Single(diagnostics, expected);
    }

    [TestMethod]
    public void An_index_json_that_is_not_json_is_SLIM4021_naming_the_value_the_folder_and_the_file()
    {
        var folder = GoodLayout();
        File.WriteAllText(Path.Combine(folder, "index.json"), "{ not json");

        var message = Refused("oci-layout:base", SlimDiagnostics.BaseLayoutInvalid);

        Assert.AreEqual("SLIM4021", SlimDiagnostics.BaseLayoutInvalid.Code);
        StringAssert.Contains(message, $"ContainerBaseImage is 'oci-layout:base', but '{folder}' cannot be read as an OCI image layout: index.json");
        StringAssert.Contains(message, "skopeo copy");
    }

    [TestMethod]
    public void An_oci_layout_file_without_its_version_is_SLIM4021()
    {
        var folder = GoodLayout();
        File.WriteAllText(Path.Combine(folder, "oci-layout"), "{}");

        StringAssert.Contains(Refused("./base", SlimDiagnostics.BaseLayoutInvalid), $"'{folder}' cannot be read as an OCI image layout: its oci-layout file has no imageLayoutVersion");
    }

    [TestMethod]
    public void An_archive_that_is_not_a_tar_is_SLIM4021_naming_the_archive()
    {
        var archive = _temp.File("base.tar", Encoding.ASCII.GetBytes(new string('x', 2048)));

        StringAssert.Contains(Refused("oci-archive:base.tar", SlimDiagnostics.BaseLayoutInvalid),
            $"ContainerBaseImage is 'oci-archive:base.tar', but '{archive}' cannot be read as an OCI image layout: it is not a tar archive");
    }

    [TestMethod]
    public void A_malformed_digest_in_an_archive_is_SLIM4021_naming_the_archive_not_where_slim_unpacked_it()
    {
        var folder = GoodLayout();
        File.WriteAllText(Path.Combine(folder, "index.json"), System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(Path.Combine(folder, "index.json")), "sha256:[0-9a-f]{64}", "sha256:NOT-HEX"));
        var archive = Path.Combine(_temp.Path, "base.tar");
        System.Formats.Tar.TarFile.CreateFromDirectory(folder, archive, includeBaseDirectory: false);

        StringAssert.Contains(Refused("oci-archive:base.tar", SlimDiagnostics.BaseLayoutInvalid),
            $"but '{archive}' cannot be read as an OCI image layout: the manifest has the digest 'sha256:NOT-HEX', not sha256:<64 hex digits>");
    }

    [TestMethod]
    public void A_config_with_fewer_diff_ids_than_layers_is_SLIM4021_with_both_counts()
    {
        var image = BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path), BaseLayouts.Layer(_temp.Path, LayerEntry.FromText("etc/motd", "hi"))]);
        var folder = BaseLayouts.Folder(image, Path.Combine(_temp.Path, "base"));
        var config = Encoding.UTF8.GetString(image.Config);
        var config1 = Encoding.UTF8.GetBytes(config.Replace($",\"{image.Layers[1].DiffId}\"", ""));
        Assert.AreNotEqual(config, Encoding.UTF8.GetString(config1), "the second diff_id was taken out");
        var manifest = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(image.Manifest)
            .Replace(Sha256Digest.Of(image.Config), Sha256Digest.Of(config1)).Replace($"\"size\":{image.Config.Length}", $"\"size\":{config1.Length}"));
        Blob(folder, config1);
        Blob(folder, manifest);
        File.WriteAllText(Path.Combine(folder, "index.json"), File.ReadAllText(Path.Combine(folder, "index.json"))
            .Replace(image.ManifestDigest, Sha256Digest.Of(manifest)).Replace($"\"size\":{image.Manifest.Length}", $"\"size\":{manifest.Length}"));

        StringAssert.Contains(Refused("./base", SlimDiagnostics.BaseLayoutInvalid), "its config lists 1 diff_ids for 2 layers");
    }

    [TestMethod]
    public void A_layer_that_is_not_gzip_is_SLIM4029_naming_the_value_and_the_layer()
    {
        // A plain tar stored under a gzip media type: its digest is right, its bytes are not what the type says.
        var plain = BaseLayouts.RawLayer(_temp.Path, BaseLayouts.File("etc/motd"));
        var tar = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(plain.Path), System.IO.Compression.CompressionMode.Decompress))
            gzip.CopyTo(tar);
        var path = _temp.File("layers/plain.tar", tar.ToArray());
        var layer = new LayerBlob(path, Sha256Digest.Of(tar.ToArray()), tar.Length, plain.DiffId, tar.Length, 0);
        BaseLayouts.Folder(BaseLayouts.Image([layer]), Path.Combine(_temp.Path, "base"));

        var message = Refused("oci-layout:base", SlimDiagnostics.BaseLayerUnreadable);

        Assert.AreEqual("SLIM4029", SlimDiagnostics.BaseLayerUnreadable.Code);
        StringAssert.Contains(message, $"ContainerBaseImage is 'oci-layout:base': layer {layer.Digest} is not a readable gzip-compressed tar");
    }

    private static void Blob(string folder, byte[] content) =>
        File.WriteAllBytes(Path.Combine(folder, "blobs", "sha256", Sha256Digest.Hex(Sha256Digest.Of(content))), content);
}
