using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>The push task over what the image step leaves in obj/, against a real registry: every tag of ContainerImageTags.</summary>
[TestClass]
public sealed class SlimPushImageTaskTests
{
    [TestMethod]
    public void EveryTagIsPushedAndImageJsonRecordsThePush()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, section) = PushFixture.Write(Path.Combine(temp.Path, "image"), "task", "app:1");
        var imageFile = Path.Combine(temp.Path, "image.json");
        section.Save(imageFile);
        var engine = new RecordingBuildEngine();
        var task = new SlimPushImage
        {
            BuildEngine = engine, ImageFile = imageFile, StateDirectory = temp.Path,
            SettingsFile = PushFixture.Settings(temp.Path, registry.Host, ["team/app:1.0", "team/app:stable"]),
        };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        foreach (var tag in new[] { "1.0", "stable" })
            StringAssert.Contains(PushFixture.Skopeo("inspect", "--tls-verify=false", $"docker://{registry.Host}/team/app:{tag}"), image.ManifestDigest);
        var push = ImageSection.TryLoad(imageFile)!.Push!;
        CollectionAssert.AreEqual(new[] { $"{registry.Host}/team/app:1.0", $"{registry.Host}/team/app:stable" }, push.References.ToArray());
        Assert.AreEqual(3, push.BlobsUploaded);
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.StartsWith($"Slim: pushed {registry.Host}/team/app:1.0, {registry.Host}/team/app:stable", StringComparison.Ordinal)));
    }
}
