using System.Text.Json;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>ContainerRuntimeIdentifiers: the platform archives each platform's publish wrote, combined into one OCI image index.</summary>
[TestClass]
public sealed class ImageIndexArchiveTests
{
    private static readonly ImageEpoch Epoch = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    /// <summary>A one-layer image for <paramref name="architecture"/>: a file that differs by architecture over a layer both share.</summary>
    private static string PlatformArchive(TempFolder temp, string architecture, LayerBlob shared)
    {
        var own = new LayerWriter(Epoch).Write([LayerEntry.FromText("app/arch.txt", architecture)], Path.Combine(temp.Path, "layers", architecture + ".tar.gz"));
        var config = new ImageConfig(new ImagePlatform(architecture), Entrypoint: ["/app/hello"], User: "1654", WorkingDirectory: "/app",
            Environment: [], Ports: [], Labels: []);
        var documents = ImageDocuments.Create(config, [new ImageLayer(shared, "base"), new ImageLayer(own, "slim: app")], new ManifestAnnotations(), Epoch);
        return new OciArchiveWriter(Epoch).Write(documents, ["localhost/app:1"], Path.Combine(temp.Path, architecture, "image.tar")).Path;
    }

    private static (ImageIndexSummary Summary, List<PlatformImage> Images) WriteIndex(TempFolder temp, string name)
    {
        var shared = new LayerWriter(Epoch).Write([LayerEntry.FromText("etc/passwd", "app:x:1654:1654::/app:/sbin/nologin\n")], Path.Combine(temp.Path, "layers", "shared.tar.gz"));
        List<PlatformImage> images =
        [
            new("linux-x64", new ImagePlatform("amd64"), PlatformArchive(temp, "amd64", shared)),
            new("linux-arm64", new ImagePlatform("arm64"), PlatformArchive(temp, "arm64", shared)),
        ];
        var summary = ImageIndexArchive.Write(images, ["localhost/app:1"], Path.Combine(temp.Path, name, "image.tar"), Path.Combine(temp.Path, name, "work"), Epoch);
        return (summary, images);
    }

    private static byte[] Member(string archive, string name) => LayerReader.Read(archive, gzip: false).Single(e => e.Name == name).Content!;

    [TestMethod]
    public void The_archive_names_one_index_that_lists_each_platform_manifest_with_its_platform_in_order()
    {
        using var temp = new TempFolder();
        var (summary, images) = WriteIndex(temp, "out");

        using var layout = JsonDocument.Parse(Member(summary.Archive, "index.json"));
        var entry = layout.RootElement.GetProperty("manifests").EnumerateArray().Single();
        Assert.AreEqual("application/vnd.oci.image.index.v1+json", entry.GetProperty("mediaType").GetString());
        Assert.AreEqual(summary.Digest, entry.GetProperty("digest").GetString());
        Assert.AreEqual("localhost/app:1", entry.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString());

        var indexBytes = Member(summary.Archive, "blobs/sha256/" + Sha256Digest.Hex(summary.Digest));
        Assert.AreEqual(summary.Digest, Sha256Digest.Of(indexBytes), "the index blob is named by its digest");
        Assert.AreEqual(indexBytes.Length, entry.GetProperty("size").GetInt64());
        using var index = JsonDocument.Parse(indexBytes);
        Assert.AreEqual("application/vnd.oci.image.index.v1+json", index.RootElement.GetProperty("mediaType").GetString());
        Assert.AreEqual(2, index.RootElement.GetProperty("schemaVersion").GetInt32());
        var manifests = index.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.AreEqual(2, manifests.Count);
        for (var i = 0; i < 2; i++)
        {
            using var own = JsonDocument.Parse(Member(images[i].Archive, "index.json"));
            var ownManifest = own.RootElement.GetProperty("manifests")[0];
            Assert.AreEqual(ownManifest.GetProperty("digest").GetString(), manifests[i].GetProperty("digest").GetString(), images[i].RuntimeIdentifier);
            Assert.AreEqual(ownManifest.GetProperty("size").GetInt64(), manifests[i].GetProperty("size").GetInt64());
            Assert.AreEqual("application/vnd.oci.image.manifest.v1+json", manifests[i].GetProperty("mediaType").GetString());
            Assert.IsFalse(manifests[i].TryGetProperty("annotations", out _), "a platform entry carries no name: the index does");
        }
        Assert.AreEqual("""{"architecture":"amd64","os":"linux"}""", manifests[0].GetProperty("platform").GetRawText());
        Assert.AreEqual("""{"architecture":"arm64","os":"linux","variant":"v8"}""", manifests[1].GetProperty("platform").GetRawText());
    }

    [TestMethod]
    public void Every_blob_of_every_platform_is_in_the_archive_once_and_the_bytes_are_the_same_twice()
    {
        using var temp = new TempFolder();
        var (first, images) = WriteIndex(temp, "first");
        var second = ImageIndexArchive.Write(images, ["localhost/app:1"], Path.Combine(temp.Path, "second", "image.tar"), Path.Combine(temp.Path, "second", "work"), Epoch);

        CollectionAssert.AreEqual(File.ReadAllBytes(first.Archive), File.ReadAllBytes(second.Archive));
        Assert.AreEqual(first.Digest, second.Digest);
        var blobs = LayerReader.Read(first.Archive, gzip: false).Where(e => e.Name.StartsWith("blobs/sha256/") && e.Name.Length > 13).Select(e => e.Name).ToList();
        var platformBlobs = images.SelectMany(i => LayerReader.Read(i.Archive, gzip: false)).Where(e => e.Name.StartsWith("blobs/sha256/") && e.Name.Length > 13)
            .Select(e => e.Name).Distinct().ToList();
        // two configs, two manifests, two own layers, one shared layer, and the index
        Assert.AreEqual(7, platformBlobs.Count);
        CollectionAssert.AreEquivalent(platformBlobs.Append("blobs/sha256/" + Sha256Digest.Hex(first.Digest)).ToList(), blobs);
    }

    [TestMethod]
    public void A_docker_archive_is_refused_naming_it()
    {
        using var temp = new TempFolder();
        var layer = new LayerWriter(Epoch).Write([LayerEntry.FromText("a.txt", "a")], Path.Combine(temp.Path, "layers", "a.tar.gz"));
        var config = new ImageConfig(new ImagePlatform("amd64"), Entrypoint: ["/a"], User: "", WorkingDirectory: "/", Environment: [], Ports: [], Labels: []);
        var documents = ImageDocuments.Create(config, [new ImageLayer(layer, "a")], new ManifestAnnotations(), Epoch);
        var docker = new DockerArchiveWriter(Epoch).Write(documents, ["localhost/a:1"], Path.Combine(temp.Path, "docker", "image.docker.tar")).Path;

        var error = Assert.ThrowsExactly<SlimException>(() => ImageIndexArchive.Write([new("linux-x64", new ImagePlatform("amd64"), docker)], [],
            Path.Combine(temp.Path, "out", "image.tar"), Path.Combine(temp.Path, "work"), Epoch));
        Assert.AreEqual(SlimDiagnostics.PlatformImageUnusable, error.Diagnostic);
        Assert.AreEqual(docker, error.Args[0]);
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "out", "image.tar")), "no half index is left");
    }
}
