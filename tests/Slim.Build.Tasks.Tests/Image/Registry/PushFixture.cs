using System.Text;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// A small hand-assembled image laid out as the image step leaves it in obj/.../slim/image/ (manifest.json,
/// config.json, the layer cache), so the pusher reads exactly what a publish would give it.
/// </summary>
internal static class PushFixture
{
    public static readonly ImageEpoch Epoch = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    /// <summary>settings.json as SlimValidateSettings writes it for a push to <paramref name="registry"/>.</summary>
    /// <returns>Its path.</returns>
    public static string Settings(string folder, string registry, string[] names, double requestTimeoutSeconds = 30, double pushTimeoutSeconds = 1800)
    {
        var path = Path.Combine(folder, "settings.json");
        new Slim.Build.Tasks.Settings.SlimSettings(Slim.Build.Tasks.Profiles.SizeProfile.Aot, Slim.Build.Tasks.Settings.ImageFormat.Oci, names, registry,
            requestTimeoutSeconds, pushTimeoutSeconds, null, false, []).Save(path);
        return path;
    }

    /// <returns>The image, its ImageDocuments and the image.json section naming it repository:tag.</returns>
    public static (PushableImage Image, ImageDocuments Documents, ImageSection Section) Write(string workDirectory, string text, params string[] names)
    {
        var cache = new LayerCache(Path.Combine(workDirectory, "layers"), new LayerWriter(Epoch));
        var baseLayer = cache.Write([LayerEntry.FromText("etc/os-release", "ID=slim-test\n")], Epoch.Rfc3339);
        var appLayer = cache.Write([LayerEntry.FromText("app/hello.txt", text)], Epoch.Rfc3339);
        var config = new ImageConfig(new ImagePlatform("amd64"), Entrypoint: ["/app/hello"], User: "1654", WorkingDirectory: "/app");
        var documents = ImageDocuments.Create(config, [new ImageLayer(baseLayer, "slim: base"), new ImageLayer(appLayer, "slim: app")],
            new ManifestAnnotations(), Epoch);
        File.WriteAllBytes(Path.Combine(workDirectory, PushableImage.ManifestFile), documents.Manifest);
        File.WriteAllBytes(Path.Combine(workDirectory, PushableImage.ConfigFile), documents.Config);
        var layers = new[] { (baseLayer, "base: os-release"), (appLayer, "app") }
            .Select(l => new LayerSummary(l.Item1.Digest, l.Item1.DiffId, l.Item1.Size, l.Item1.UncompressedSize, l.Item2)).ToList();
        var section = new ImageSection(Path.Combine(workDirectory, "image.tar"), "oci", documents.ManifestDigest, names,
            new BaseSummary("auto", "test", null), layers, layers.Sum(l => l.WireBytes), layers.Sum(l => l.UnpackedBytes), []);
        return (PushableImage.Load(workDirectory, documents.ManifestDigest, layers), documents, section);
    }

    public static string Skopeo(params string[] arguments)
    {
        if (!Tool.Installed("skopeo"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("skopeo is not installed");
            Assert.Inconclusive("skopeo is not installed");
        }
        return Tool.Run("skopeo", arguments);
    }

    public static CredentialStore NoCredentials() => new(_ => null);

    public static CredentialStore Credentials(string user, string password) => new(name => name switch
    {
        "DOTNET_CONTAINER_REGISTRY_UNAME" => user,
        "DOTNET_CONTAINER_REGISTRY_PWORD" => password,
        _ => null,
    });

    public static RegistryClient Client(LocalRegistry registry, RegistryCredential? credential = null) =>
        new(RegistryEndpoint.For(registry.Host, ""), credential, SharedHttpClient.Instance, new RetryPolicy(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
