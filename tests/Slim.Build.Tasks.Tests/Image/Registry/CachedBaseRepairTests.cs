using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// A pulled base whose cached blob was damaged is pulled again, not used. Measured before: one flipped byte in the
/// cache gave SLIM4024 on every later publish, with no re-pull and no cache path named.
/// </summary>
[TestClass]
public sealed class CachedBaseRepairTests
{
    private static readonly RetryPolicy Quick = new(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void A_damaged_cached_blob_is_removed_and_pulled_again(bool pinned)
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(Path.Combine(temp.Path, "image"), "damaged");
        ImagePusher.Push(PushFixture.Client(registry), "dotnet/damaged", ["1"], image, null, new RecordingDiagnostics());
        var cache = Path.Combine(temp.Path, "cache");
        var reference = pinned ? $"{registry.Host}/dotnet/damaged@{image.ManifestDigest}" : $"{registry.Host}/dotnet/damaged:1";
        var layout = Pull(reference, cache, new RecordingDiagnostics());
        Assert.IsNotNull(layout);
        var layer = Path.Combine(layout, "blobs", "sha256", Sha256Digest.Hex(image.Layers[0].Digest));
        Flip(layer);

        var diagnostics = new RecordingDiagnostics();
        var again = Pull(reference, cache, diagnostics);

        Assert.AreEqual(layout, again, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic + " " + string.Join(" | ", i.Args))));
        Assert.AreEqual(SlimDiagnostics.CachedBaseDamaged, diagnostics.Items.Single().Diagnostic);
        Assert.AreEqual(cache, diagnostics.Items.Single().Args[2], "the warning names the cache");
        Assert.AreEqual(image.Layers[0].Digest, Sha256Digest.Of(File.ReadAllBytes(layer)), "the layer was pulled again");
        Assert.AreEqual(image.Layers[0].Digest, Sha256Digest.Of(File.ReadAllBytes(Path.Combine(cache, "blobs", "sha256", Sha256Digest.Hex(image.Layers[0].Digest)))));
    }

    [TestMethod]
    public void Offline_a_damaged_cached_base_is_an_error_naming_the_cache_never_the_damaged_copy()
    {
        using var registry = new LocalRegistry();
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(Path.Combine(temp.Path, "image"), "offline");
        ImagePusher.Push(PushFixture.Client(registry), "dotnet/offline", ["1"], image, null, new RecordingDiagnostics());
        var cache = Path.Combine(temp.Path, "cache");
        var reference = $"{registry.Host}/dotnet/offline:1";
        var layout = Pull(reference, cache, new RecordingDiagnostics())!;
        Flip(Path.Combine(layout, "blobs", "sha256", Sha256Digest.Hex(image.Layers[0].Digest)));
        registry.Stop();

        var diagnostics = new RecordingDiagnostics();
        Assert.IsNull(Pull(reference, cache, diagnostics));

        CollectionAssert.AreEqual(new[] { SlimDiagnostics.CachedBaseDamaged, SlimDiagnostics.BaseUnavailable }, diagnostics.Items.Select(i => i.Diagnostic).ToArray());
        Assert.AreEqual(cache, diagnostics.Items[1].Args[3], "SLIM5013 names the cache");
    }

    private static string? Pull(string reference, string cache, RecordingDiagnostics diagnostics) =>
        RegistryBaseSource.Pull(reference, new ImagePlatform("amd64"), cache, PushFixture.NoCredentials(), "", SharedHttpClient.Instance, diagnostics, Quick);

    private static void Flip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
