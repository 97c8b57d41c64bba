using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

[TestClass]
public sealed class PushableImageTests
{
    [TestMethod]
    public void LayersMissingFromTheLayerCacheComeFromTheArchive()
    {
        using var temp = new TempFolder();
        var work = Path.Combine(temp.Path, "image");
        var (image, documents, section) = PushFixture.Write(work, "archive");
        var archive = new OciArchiveWriter(PushFixture.Epoch).Write(documents, ["x:1"], Path.Combine(temp.Path, "image.tar")).Path;
        // A base taken unchanged from a layout is in the archive only.
        foreach (var file in Directory.GetFiles(Path.Combine(work, "layers")))
            File.Delete(file);

        Assert.AreEqual(SlimDiagnostics.PushImageMissing,
            Assert.ThrowsExactly<SlimException>(() => PushableImage.Load(work, image.ManifestDigest, section.Layers)).Diagnostic);
        var loaded = PushableImage.Load(work, image.ManifestDigest, section.Layers, archive);

        foreach (var layer in loaded.Layers)
            Assert.AreEqual(layer.Digest, Sha256Digest.Of(File.ReadAllBytes(layer.Path)), layer.Path);
        Assert.AreEqual(image.Layers.Count, loaded.Layers.Count);
    }

    [TestMethod]
    public void ManifestOfAnotherBuildIsRefused()
    {
        using var temp = new TempFolder();
        var (_, _, section) = PushFixture.Write(temp.Path, "one");
        Assert.AreEqual(SlimDiagnostics.PushImageMissing,
            Assert.ThrowsExactly<SlimException>(() => PushableImage.Load(temp.Path, "sha256:" + new string('a', 64), section.Layers)).Diagnostic);
    }
}
