using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>A base seeded into a real docker-registry with skopeo copy, pulled into the cache, then used again with the registry stopped.</summary>
[TestClass]
public sealed class RegistryPullTests
{
    private static readonly RetryPolicy Quick = new(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    [TestMethod]
    public void BaseIsPulledThroughItsIndexIntoALayoutAndServedFromTheCacheOffline()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var work = Path.Combine(temp.Path, "image");
        var (image, documents, _) = PushFixture.Write(work, "base");
        var archive = new OciArchiveWriter(PushFixture.Epoch).Write(documents, ["base:1"], Path.Combine(temp.Path, "base.tar"));
        PushFixture.Skopeo("copy", "--dest-tls-verify=false", $"oci-archive:{archive.Path}", $"docker://{registry.Host}/dotnet/base:1");
        // A multi-platform tag: an index listing an arm64 stand-in and the amd64 image.
        var index = CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.OciIndex);
            json.WriteStartArray("manifests");
            foreach (var arch in new[] { "arm64", "amd64" })
            {
                json.WriteStartObject();
                json.WriteString("mediaType", MediaTypes.OciManifest);
                json.WriteString("digest", image.ManifestDigest);
                json.WriteNumber("size", image.Manifest.Length);
                json.WriteStartObject("platform");
                json.WriteString("architecture", arch);
                json.WriteString("os", "linux");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
        PushFixture.Client(registry).PutManifest("dotnet/base", "multi", index, MediaTypes.OciIndex, Sha256Digest.Of(index));
        var cache = Path.Combine(temp.Path, "cache");
        var diagnostics = new RecordingDiagnostics();

        var layout = RegistryBaseSource.Pull($"{registry.Host}/dotnet/base:multi", new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "",
            SharedHttpClient.Instance, diagnostics, Quick);

        Assert.IsNotNull(layout, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic + " " + string.Join(" | ", i.Args))));
        Assert.IsTrue(File.Exists(Path.Combine(layout, "oci-layout")));
        using (var indexJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "index.json"))))
            Assert.AreEqual(image.ManifestDigest, indexJson.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString(), "the index's amd64 manifest");
        foreach (var blob in image.Layers.Select(l => l.Digest).Append(image.ConfigDigest).Append(image.ManifestDigest))
        {
            var path = Path.Combine(layout, "blobs", "sha256", Sha256Digest.Hex(blob));
            Assert.AreEqual(blob, Sha256Digest.Of(File.ReadAllBytes(path)), "every blob is there and is its digest");
        }
        var skopeo = PushFixture.Skopeo("inspect", "--raw", $"oci:{layout}");
        Assert.AreEqual(image.ManifestDigest, Sha256Digest.Of(PushFixture.Utf8(skopeo.Trim())), "skopeo reads the layout");

        registry.Stop();
        var offline = new RecordingDiagnostics();
        var again = RegistryBaseSource.Pull($"{registry.Host}/dotnet/base:multi", new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "",
            SharedHttpClient.Instance, offline, Quick);
        Assert.AreEqual(layout, again, "the cached copy serves an offline build");
        Assert.AreEqual(SlimDiagnostics.BaseFromCacheOffline, offline.Items.Single().Diagnostic);

        var missing = new RecordingDiagnostics();
        Assert.IsNull(RegistryBaseSource.Pull($"{registry.Host}/dotnet/other:1", new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "",
            SharedHttpClient.Instance, missing, Quick));
        Assert.AreEqual(SlimDiagnostics.BaseUnavailable, missing.Errors.Single(), "offline with no cached copy is an error that says so");
    }

    [TestMethod]
    public void PinnedBaseIsServedFromTheCacheWithoutTheNetwork()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, documents, _) = PushFixture.Write(Path.Combine(temp.Path, "image"), "pinned");
        ImagePusher.Push(PushFixture.Client(registry), "dotnet/pinned", ["1"], image, null, new RecordingDiagnostics());
        var cache = Path.Combine(temp.Path, "cache");
        var reference = $"{registry.Host}/dotnet/pinned@{image.ManifestDigest}";
        var layout = RegistryBaseSource.Pull(reference, new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "", SharedHttpClient.Instance, new RecordingDiagnostics(), Quick);
        Assert.IsNotNull(layout);

        registry.Stop();
        var offline = new RecordingDiagnostics();
        Assert.AreEqual(layout, RegistryBaseSource.Pull(reference, new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "", SharedHttpClient.Instance, offline, Quick));
        Assert.AreEqual(0, offline.Items.Count, "a pinned cached base needs no registry, so nothing is reported");
    }

    [TestMethod]
    public void IndexWithoutThePlatformIsSlim5012()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(Path.Combine(temp.Path, "image"), "arm");
        var client = PushFixture.Client(registry);
        ImagePusher.Push(client, "dotnet/armonly", ["1"], image, null, new RecordingDiagnostics());
        var index = PushFixture.Utf8($"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciIndex}\",\"manifests\":[{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{image.ManifestDigest}\",\"size\":{image.Manifest.Length},\"platform\":{{\"architecture\":\"arm64\",\"os\":\"linux\"}}}}]}}");
        client.PutManifest("dotnet/armonly", "multi", index, MediaTypes.OciIndex, Sha256Digest.Of(index));
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(RegistryBaseSource.Pull($"{registry.Host}/dotnet/armonly:multi", new ImagePlatform("amd64"), Path.Combine(temp.Path, "cache"),
            PushFixture.NoCredentials(), "", SharedHttpClient.Instance, diagnostics, Quick));
        Assert.AreEqual(SlimDiagnostics.RegistryBasePlatformMissing, diagnostics.Errors.Single());
        StringAssert.Contains((string)diagnostics.Items.Single().Args[2], "linux/arm64");
    }
}
