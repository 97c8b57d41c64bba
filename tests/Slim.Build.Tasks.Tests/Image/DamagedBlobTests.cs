using System.Formats.Tar;
using System.Security.Cryptography;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>A blob whose bytes are not its digest never ships: a cached layer is made again, any other blob fails naming the file.</summary>
[TestClass]
public sealed class DamagedBlobTests
{
    [TestMethod]
    public void A_cached_layer_damaged_on_disk_is_made_again_and_the_archive_holds_only_blobs_that_match_their_digest()
    {
        using var temp = new TempFolder();
        var publish = Path.Combine(temp.Path, "publish");
        temp.File("publish/Package.dll", RandomNumberGenerator.GetBytes(300_000));
        temp.File("publish/app", "first\n"u8.ToArray());
        var request = Request(temp.Path, publish);
        var first = ImageBuilder.Build(request, new RecordingDiagnostics());
        Assert.IsNotNull(first);
        var largest = new DirectoryInfo(Path.Combine(request.WorkDirectory, "layers")).GetFiles("*.tar.gz").MaxBy(f => f.Length)!;
        var bytes = File.ReadAllBytes(largest.FullName);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(largest.FullName, bytes);
        temp.File("publish/app", "second\n"u8.ToArray());
        var diagnostics = new RecordingDiagnostics();

        var second = ImageBuilder.Build(request with { Previous = first }, diagnostics);

        Assert.IsNotNull(second, string.Join("\n", diagnostics.Items.Select(i => i.Diagnostic.Code + " " + string.Join(" | ", i.Args))));
        var notice = diagnostics.Items.Single(i => i.Diagnostic == SlimDiagnostics.CachedLayerRemade);
        Assert.AreEqual(largest.FullName, notice.Args[0]);
        Assert.AreEqual(first.Layers[0].Digest, second.Layers[0].Digest, "the remade layer is not the same blob");
        var blobs = BlobsIn(second.Archive);
        Assert.AreEqual(second.Layers.Count + 2, blobs.Count, "config, manifest and every layer");
        foreach (var (name, digest) in blobs)
            Assert.AreEqual("sha256:" + name[^64..], digest, $"{name} in the archive does not match its digest");
        Assert.AreEqual(first.Layers[0].Digest, Sha256Of(largest.FullName), "the cache still holds the damaged blob");
    }

    [TestMethod]
    public void A_blob_the_cache_does_not_own_fails_naming_the_file_and_leaves_no_archive()
    {
        using var temp = new TempFolder();
        var content = "layer bytes"u8.ToArray();
        var digest = "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        content[0] ^= 1;
        var blob = temp.File("base/blobs/sha256/" + digest[7..], content);
        var archive = Path.Combine(temp.Path, "image.tar");

        var error = Assert.ThrowsExactly<SlimException>(() => ArchiveMember.WriteTar(
            [new ArchiveMember("blobs/sha256/" + digest[7..], SourceFile: blob)], archive, ImageEpoch.Default));

        Assert.AreEqual(SlimDiagnostics.ArchiveBlobDamaged, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { blob, digest, Sha256Of(blob) }, error.Args);
        Assert.IsFalse(File.Exists(archive), "an archive was written from a damaged blob");
        Assert.AreEqual(0, Directory.GetFiles(temp.Path).Length, "a temporary file was left behind");
        Assert.IsFalse(LayerCache.TryDiscard(blob, Path.Combine(temp.Path, "layers"), null), "a base's blob is not the cache's to delete");
        Assert.IsTrue(File.Exists(blob));
    }

    private static List<(string Name, string Digest)> BlobsIn(string archive)
    {
        var found = new List<(string, string)>();
        using var reader = new TarReader(File.OpenRead(archive));
        while (reader.GetNextEntry() is { } entry)
            if (entry.Name.StartsWith("blobs/sha256/", StringComparison.Ordinal) && entry.DataStream is { } data)
                found.Add((entry.Name, "sha256:" + Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant()));
        return found;
    }

    private static string Sha256Of(string file) => "sha256:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant();

    private static ImageRequest Request(string folder, string publish)
    {
        var spec = new ContainerSpec("", "", "1654", "/app", ["/app/app"], [], [], []);
        var container = new ContainerDescription(new ContainerProject("app", Slim.Build.Tasks.Profiles.SizeProfile.Aot, "net10.0", "linux-x64", "app", false), spec);
        var needs = new RuntimeNeeds(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [], [], []);
        return new ImageRequest(container, needs, publish, new Dictionary<string, FileOrigin> { ["Package.dll"] = FileOrigin.Package }, "linux-x64",
            "scratch", "oci", ["localhost/damaged:1"], null, Path.Combine(folder, "obj", "image"), Path.Combine(folder, "slim", "image.tar"), ImageEpoch.Default)
        { ProjectDirectory = folder };
    }
}
