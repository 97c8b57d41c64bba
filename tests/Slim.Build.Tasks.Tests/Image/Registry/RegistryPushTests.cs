using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>Pushes to a real docker-registry on loopback and reads the result back with skopeo.</summary>
[TestClass]
public sealed class RegistryPushTests
{
    [TestMethod]
    public void PushedImageReadsBackWithTheSameDigestAndASecondPushUploadsNoBlob()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(temp.Path, "hello");
        var client = PushFixture.Client(registry);

        var first = ImagePusher.Push(client, "slim/push", ["1.0", "latest"], image, null, new RecordingDiagnostics());

        Assert.AreEqual(3, first.BlobsUploaded, "two layers and the config");
        Assert.IsTrue(first.BytesUploaded > 0);
        CollectionAssert.AreEqual(new[] { $"{registry.Host}/slim/push:1.0", $"{registry.Host}/slim/push:latest" }, first.References.ToArray());
        foreach (var tag in new[] { "1.0", "latest" })
        {
            var inspected = PushFixture.Skopeo("inspect", "--tls-verify=false", "--raw", $"docker://{registry.Host}/slim/push:{tag}");
            Assert.AreEqual(image.ManifestDigest, Slim.Build.Tasks.Image.Oci.Sha256Digest.Of(PushFixture.Utf8(inspected.Trim())), "the registry serves our manifest bytes under " + tag);
        }
        var digestLine = PushFixture.Skopeo("inspect", "--tls-verify=false", $"docker://{registry.Host}/slim/push:1.0");
        StringAssert.Contains(digestLine, image.ManifestDigest);
        var uploadsAfterFirst = registry.BlobUploadRequests("slim/push");
        Assert.IsTrue(uploadsAfterFirst >= 3, "the log shows the first push's uploads:\n" + registry.Log);

        var second = ImagePusher.Push(client, "slim/push", ["1.0", "latest"], image, null, new RecordingDiagnostics());

        Assert.AreEqual(0, second.BlobsUploaded);
        Assert.AreEqual(0L, second.BytesUploaded);
        Assert.AreEqual(3, second.BlobsSkipped);
        Assert.AreEqual(uploadsAfterFirst, registry.BlobUploadRequests("slim/push"), "the registry saw no upload on the second push");
        Assert.AreEqual(image.ManifestDigest, second.Digest);
    }

    [TestMethod]
    public void BaseLayersAreMountedFromTheBaseRepositoryOnTheSameRegistry()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(temp.Path, "mount");
        var client = PushFixture.Client(registry);
        ImagePusher.Push(client, "slim/base", ["1"], image, null, new RecordingDiagnostics());

        var pushed = ImagePusher.Push(client, "slim/app", ["1"], image, "slim/base", new RecordingDiagnostics());

        Assert.AreEqual(1, pushed.BlobsMounted, "the base layer is linked, not sent");
        Assert.AreEqual(2, pushed.BlobsUploaded, "the app layer and the config are sent");
        StringAssert.Contains(PushFixture.Skopeo("inspect", "--tls-verify=false", $"docker://{registry.Host}/slim/app:1"), image.ManifestDigest);
    }

    [TestMethod]
    public void BasicAuthenticationPushesWithTheRightCredentialsAndFailsWithSlim5001WithWrongOnes()
    {
        using var registry = new LocalRegistry(htpasswd: "pusher:" + BCrypt.Net.BCrypt.HashPassword("s3cret-pw", 5));
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(temp.Path, "auth");

        var credential = PushFixture.Credentials("pusher", "s3cret-pw").Find(registry.Host);
        var pushed = ImagePusher.Push(PushFixture.Client(registry, credential), "slim/auth", ["1"], image, null, new RecordingDiagnostics());
        Assert.AreEqual(image.ManifestDigest, pushed.Digest);
        StringAssert.Contains(PushFixture.Skopeo("inspect", "--tls-verify=false", "--creds", "pusher:s3cret-pw", $"docker://{registry.Host}/slim/auth:1"), image.ManifestDigest);

        var wrong = PushFixture.Credentials("pusher", "wrong").Find(registry.Host);
        var e = Assert.ThrowsExactly<SlimException>(() => ImagePusher.Push(PushFixture.Client(registry, wrong), "slim/auth", ["2"], image, null, new RecordingDiagnostics()));
        Assert.AreEqual(SlimDiagnostics.RegistryUnauthorized, e.Diagnostic);
        Assert.AreEqual(registry.Host, e.Args[0]);
        Assert.AreEqual("slim/auth", e.Args[1]);
        StringAssert.Contains((string)e.Args[3], "401", "what the registry said is quoted (a HEAD answer has no body)");
        StringAssert.Contains((string)e.Args[4], "DOTNET_CONTAINER_REGISTRY_UNAME", "the message names where the credentials came from");

        var none = Assert.ThrowsExactly<SlimException>(() => ImagePusher.Push(PushFixture.Client(registry), "slim/auth", ["3"], image, null, new RecordingDiagnostics()));
        Assert.AreEqual(SlimDiagnostics.RegistryUnauthorized, none.Diagnostic);
        StringAssert.Contains((string)none.Args[4], "no credentials");
    }
}
