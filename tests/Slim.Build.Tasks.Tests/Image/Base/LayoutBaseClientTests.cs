using System.Text.Json;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>
/// An image on a base that skopeo itself laid out (skopeo copy oci-archive:... oci:folder:t), as the real
/// clients see it: skopeo reads it with the base's layer first, podman loads it and runs both the app and the
/// base's own program.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class LayoutBaseClientTests
{
    [TestMethod]
    public void An_image_on_a_skopeo_copied_layout_is_read_by_skopeo_and_runs_in_podman()
    {
        ImageArchiveTests.RequireOrSkip("skopeo");
        using var temp = new TempFolder();
        var tiny = TinyImage.Build(temp, NativeFixtures.StaticExecutable(temp.Path, TinyImage.Greeting));
        var tinyArchive = new OciArchiveWriter(TinyImage.Epoch).Write(tiny, ["localhost/slim-tiny-base:1"], Path.Combine(temp.Path, "tiny.tar"));
        Tool.Run("skopeo", "copy", "oci-archive:" + tinyArchive.Path, "oci:" + Path.Combine(temp.Path, "base") + ":t");
        using var skopeoBase = JsonDocument.Parse(Tool.Run("skopeo", "inspect", "oci:" + Path.Combine(temp.Path, "base") + ":t"));
        var publish = Path.Combine(temp.Path, "publish");
        Directory.CreateDirectory(publish);
        NativeFixtures.StaticExecutable(publish, "app on a layout base", "greeter");
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(Request(temp.Path, publish), diagnostics);

        Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual(skopeoBase.RootElement.GetProperty("Digest").GetString(), image.Base.Digest);
        using var inspect = JsonDocument.Parse(Tool.Run("skopeo", "inspect", "oci-archive:" + image.Archive));
        Assert.AreEqual(image.Digest, inspect.RootElement.GetProperty("Digest").GetString());
        var layers = inspect.RootElement.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { tiny.Layers[0].Digest, image.Layers[^1].Digest }, layers, "the base's blob is copied unchanged");

        var podman = PodmanForTests.Create(temp.Path);
        podman.Run("load", "-i", image.Archive);
        Assert.AreEqual("app on a layout base uid=1654", podman.Run("run", "--rm", "localhost/slim-on-layout:1").Trim());
        Assert.AreEqual(TinyImage.Greeting + " uid=1654", podman.Run("run", "--rm", "--entrypoint", "/app/hello", "localhost/slim-on-layout:1").Trim());
        Assert.AreEqual(TinyImage.LongFileText, podman.Run("run", "--rm", "localhost/slim-on-layout:1", "/" + TinyImage.LongLink), "the base's files are there");
    }

    private static ImageRequest Request(string folder, string publish)
    {
        var spec = new ContainerSpec("", "", "1654", "/app", ["/app/greeter"], [], [], []);
        var container = new ContainerDescription(new ContainerProject("greeter", SizeProfile.Aot, "net10.0", "linux-x64", "greeter", false), spec);
        var needs = new RuntimeNeeds(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [], [], []);
        return new ImageRequest(container, needs, publish, new Dictionary<string, FileOrigin>(), "linux-x64", "oci-layout:base:t", "oci",
            ["localhost/slim-on-layout:1"], null, Path.Combine(folder, "obj", "image"), Path.Combine(folder, "slim", "image.tar"), TinyImage.Epoch)
        { ProjectDirectory = folder };
    }
}
