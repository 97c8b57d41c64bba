using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>slim/ holds one image archive: the one this publish wrote, in the format it asked for.</summary>
[TestClass]
public sealed class ArchiveFormatTests
{
    [TestMethod]
    [DataRow("oci", "image.tar", "image.docker.tar")]
    [DataRow("docker", "image.docker.tar", "image.tar")]
    public void Writing_one_format_removes_the_earlier_archive_of_the_other(string format, string written, string earlier)
    {
        using var temp = new TempFolder();
        var publish = Path.Combine(temp.Path, "publish");
        temp.File("publish/app", "app\n"u8.ToArray());
        var stale = temp.File("slim/" + earlier, "an earlier publish's image"u8.ToArray());
        var unrelated = temp.File("slim/other.tar", "not Slim's"u8.ToArray());
        var spec = new ContainerSpec("", "", "1654", "/app", ["/app/app"], [], [], []);
        var container = new ContainerDescription(new ContainerProject("app", Slim.Build.Tasks.Profiles.SizeProfile.Aot, "net10.0", "linux-x64", "app", false), spec);
        var needs = new RuntimeNeeds(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [], [], []);
        var request = new ImageRequest(container, needs, publish, new Dictionary<string, FileOrigin>(), "linux-x64", "scratch", format, ["localhost/app:1"], null,
            Path.Combine(temp.Path, "obj", "image"), Path.Combine(temp.Path, "slim", ImageArchiveNames.For(format)), ImageEpoch.Default)
        { ProjectDirectory = temp.Path };
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(request, diagnostics);

        Assert.IsNotNull(image, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual(written, Path.GetFileName(image.Archive));
        Assert.IsTrue(File.Exists(image.Archive));
        Assert.IsFalse(File.Exists(stale), $"slim/{earlier} stayed beside slim/{written}: a CI job uploading slim/*.tar ships both");
        Assert.IsTrue(File.Exists(unrelated), "only Slim's own archive names are removed");
    }
}
