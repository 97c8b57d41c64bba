using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Pushes the image index of a ContainerRuntimeIdentifiers publish to ContainerRegistry: each platform's image as its own
/// publish left it (blobs the registry lacks, then its manifest by digest), then the index under every tag.
/// </summary>
public sealed class SlimPushImageIndex : SlimTask
{
    /// <summary>One item per RID with %(ImageFile), that publish's image.json, and %(StateDirectory), its obj/.../slim/.</summary>
    [Required] public ITaskItem[] Platforms { get; set; } = [];
    /// <summary>obj/.../slim/index/: the index document SlimWriteImageIndex wrote (index.json).</summary>
    [Required] public string WorkDirectory { get; set; } = "";
    /// <summary>This publish's settings.json: the registry, the names (every tag is pushed) and the timeouts.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    /// <summary>SlimInsecureRegistries: hosts reached over plain HTTP besides loopback.</summary>
    public string InsecureRegistries { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var settings = SlimSettings.Load(SettingsFile);
        if (settings.Registry.Length == 0)
            return;
        var indexFile = Path.Combine(WorkDirectory, ImageIndexArchive.IndexFile);
        if (!File.Exists(indexFile))
            throw new SlimException(SlimDiagnostics.PushImageMissing, indexFile);
        var index = File.ReadAllBytes(indexFile);
        var platforms = Platforms.Select(p => ImageSection.TryLoad(p.GetMetadata("ImageFile")) is { } image
            ? PushableImage.Load(Path.Combine(p.GetMetadata("StateDirectory"), "image"), image.Digest, image.Layers, image.Archive)
            : throw new SlimException(SlimDiagnostics.PushImageMissing, p.GetMetadata("ImageFile"))).ToList();
        var listed = OciJsonReader.ReadIndex(index).Manifests.Select(m => m.Digest).ToList();
        if (!listed.SequenceEqual(platforms.Select(p => p.ManifestDigest)))
            throw new SlimException(SlimDiagnostics.PushImageMissing, indexFile);

        var policy = PushLimits.Policy(TimeSpan.FromSeconds(settings.RegistryTimeoutSeconds), TimeSpan.FromSeconds(settings.PushTimeoutSeconds),
            DateTimeOffset.UtcNow) with { Cancellation = Cancellation };
        var client = new RegistryClient(RegistryEndpoint.For(settings.Registry, InsecureRegistries), CredentialStore.FromProcess().Find(settings.Registry),
            SharedHttpClient.Instance, policy);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var group in settings.ImageNames.Select(Split).GroupBy(n => n.Repository))
        {
            var pushed = ImagePusher.PushIndex(client, group.Key, [.. group.Select(n => n.Tag)], platforms, index, diagnostics);
            diagnostics.Info(SlimPushImage.PushLine(pushed) + $" in {clock.Elapsed.TotalSeconds:0.00} s");
        }
    }

    private static (string Repository, string Tag) Split(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "latest");
    }
}
