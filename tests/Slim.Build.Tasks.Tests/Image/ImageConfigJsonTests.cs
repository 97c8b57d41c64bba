using System.Text;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image;

namespace Slim.Build.Tasks.Tests.Image;

[TestClass]
public sealed class ImageConfigJsonTests
{
    private static readonly LayerBlob Base = new("/x/base.tar.gz", "sha256:" + new string('a', 64), 10, "sha256:" + new string('b', 64), 20, 5);
    private static readonly LayerBlob App = new("/x/app.tar.gz", "sha256:" + new string('c', 64), 30, "sha256:" + new string('d', 64), 40, 25);

    private static readonly ImageConfig Config = new(
        new ImagePlatform("arm64"),
        Entrypoint: ["/app/web", "--urls", "http://+:8080"],
        User: "1654",
        WorkingDirectory: "/app",
        Environment: [new NameValue("B", "2"), new NameValue("A", "1 & <2>")],
        Ports: [new ContainerPort(8443, "tcp"), new ContainerPort(8080, "TCP"), new ContainerPort(53, "udp")],
        Labels: [new NameValue("z.label", "last"), new NameValue("a.label", "first")]);

    [TestMethod]
    public void The_config_has_a_fixed_order_sorted_maps_the_epoch_and_one_history_entry_per_layer()
    {
        var json = Encoding.UTF8.GetString(ImageConfigJson.Write(Config,
            [new ImageLayer(Base, "slim: base (glibc, openssl)"), new ImageLayer(App, "slim: app")], ImageEpoch.Default));

        Assert.AreEqual(
            "{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"arm64\",\"os\":\"linux\"," +
            "\"config\":{\"User\":\"1654\",\"ExposedPorts\":{\"53/udp\":{},\"8080/tcp\":{},\"8443/tcp\":{}}," +
            "\"Env\":[\"B=2\",\"A=1 & <2>\"],\"Entrypoint\":[\"/app/web\",\"--urls\",\"http://+:8080\"],\"WorkingDir\":\"/app\"," +
            "\"Labels\":{\"a.label\":\"first\",\"z.label\":\"last\"}}," +
            "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + new string('b', 64) + "\",\"sha256:" + new string('d', 64) + "\"]}," +
            "\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"slim: base (glibc, openssl)\"}," +
            "{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"slim: app\"}]}", json);
    }

    [TestMethod]
    public void The_manifest_names_the_config_and_layers_with_their_digests_sizes_and_annotations()
    {
        var epoch = new ImageEpoch(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var image = ImageDocuments.Create(Config, [new ImageLayer(Base, "slim: base"), new ImageLayer(App, "slim: app")],
            new ManifestAnnotations(BaseName: "localhost/base:1", BaseDigest: "sha256:" + new string('e', 64), Source: "https://example.org/repo", Revision: " "), epoch);
        var again = ImageDocuments.Create(Config, [new ImageLayer(Base, "slim: base"), new ImageLayer(App, "slim: app")],
            new ManifestAnnotations(BaseName: "localhost/base:1", BaseDigest: "sha256:" + new string('e', 64), Source: "https://example.org/repo"), epoch);

        Assert.AreEqual(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"," +
            "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + image.ConfigDigest + "\",\"size\":" + image.Config.Length + "}," +
            "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:" + new string('a', 64) + "\",\"size\":10}," +
            "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:" + new string('c', 64) + "\",\"size\":30}]," +
            "\"annotations\":{\"org.opencontainers.image.base.digest\":\"sha256:" + new string('e', 64) + "\",\"org.opencontainers.image.base.name\":\"localhost/base:1\"," +
            "\"org.opencontainers.image.created\":\"2023-11-14T22:13:20Z\",\"org.opencontainers.image.source\":\"https://example.org/repo\"}}",
            Encoding.UTF8.GetString(image.Manifest));
        Assert.AreEqual(image.ManifestDigest, again.ManifestDigest, "a blank revision is left out, as an absent one");
        Assert.AreEqual(Sha256Digest.Of(image.Manifest), image.ManifestDigest);
        Assert.AreEqual(Sha256Digest.Of(image.Config), image.ConfigDigest);
    }

    [TestMethod]
    [DataRow("linux-x64", "amd64", null)]
    [DataRow("linux-musl-x64", "amd64", null)]
    [DataRow("linux-arm64", "arm64", null)]
    [DataRow("linux-musl-arm64", "arm64", null)]
    [DataRow("linux-arm", "arm", "v7")]
    public void The_architecture_comes_from_the_runtime_identifier(string rid, string architecture, string? variant)
    {
        Assert.IsTrue(ImagePlatform.TryFromRuntimeIdentifier(rid, out var platform));
        Assert.AreEqual(new ImagePlatform(architecture, "linux", variant), platform);
    }

    [TestMethod]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    [DataRow("linux-mips")]
    [DataRow("linux")]
    public void A_runtime_identifier_that_is_not_linux_or_is_unknown_has_no_platform(string rid) =>
        Assert.IsFalse(ImagePlatform.TryFromRuntimeIdentifier(rid, out _));

    [TestMethod]
    [DataRow("1700000000", true, "2023-11-14T22:13:20Z")]
    [DataRow("0", true, "1970-01-01T00:00:00Z")]
    [DataRow(" 1700000000\n", true, "2023-11-14T22:13:20Z")]
    [DataRow("", false, "1970-01-01T00:00:00Z")]
    [DataRow(null, false, "1970-01-01T00:00:00Z")]
    [DataRow("-1", false, "1970-01-01T00:00:00Z")]
    [DataRow("1.5", false, "1970-01-01T00:00:00Z")]
    [DataRow("yesterday", false, "1970-01-01T00:00:00Z")]
    [DataRow("4102444800", false, "1970-01-01T00:00:00Z")] // 2100: past what a tar header holds here
    public void SOURCE_DATE_EPOCH_sets_the_epoch_when_it_is_whole_seconds_in_range(string? value, bool valid, string rfc3339)
    {
        Assert.AreEqual(valid, ImageEpoch.TryParse(value, out var epoch));
        Assert.AreEqual(rfc3339, epoch.Rfc3339);
    }
}
