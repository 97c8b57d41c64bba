using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>org.opencontainers.image.base.name names an image someone can pull, or is absent.</summary>
[TestClass]
public sealed class BaseNameTests
{
    private const string BaseNameKey = "org.opencontainers.image.base.name";

    [TestMethod]
    [DataRow("auto")]
    [DataRow("scratch")]
    public void A_base_that_is_no_pullable_image_is_named_neither_in_the_labels_nor_the_annotations(string baseImage)
    {
        using var temp = new TempFolder();
        var publish = Path.Combine(temp.Path, "publish");
        Directory.CreateDirectory(publish);
        File.Copy("/usr/bin/true", Path.Combine(publish, "app"));
        // container.json names the Dockerfile's base, which the image step does not use.
        var spec = new ContainerSpec("", "", "1654", "/app", ["/app/app"], [], [],
            [new NameValue("org.opencontainers.image.title", "app"), new NameValue(BaseNameKey, "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]);
        var container = new ContainerDescription(new ContainerProject("app", Slim.Build.Tasks.Profiles.SizeProfile.Aot, "net10.0", "linux-x64", "app", false), spec);
        var request = new ImageRequest(container, HostMachine.Needs("/usr/bin/true"), publish, new Dictionary<string, FileOrigin>(), "linux-x64",
            baseImage, "oci", ["localhost/app:1"], null, Path.Combine(temp.Path, "obj", "image"), Path.Combine(temp.Path, "slim", "image.tar"), ImageEpoch.Default)
        { ProjectDirectory = temp.Path };
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(request, diagnostics);

        Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        var (manifest, config) = ImageOnLayoutBaseTests.Documents(image.Archive);
        var labels = config.GetProperty("config").GetProperty("Labels");
        Assert.AreEqual("app", labels.GetProperty("org.opencontainers.image.title").GetString(), "the other labels stay");
        Assert.IsFalse(labels.TryGetProperty(BaseNameKey, out var label), "label: " + label);
        Assert.IsFalse(manifest.GetProperty("annotations").TryGetProperty(BaseNameKey, out var annotation), "annotation: " + annotation);
        Assert.AreEqual(baseImage, image.Base.Kind, "the report still says which base");
    }
}
