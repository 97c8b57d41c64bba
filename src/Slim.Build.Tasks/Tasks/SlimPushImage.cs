using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Pushes the image the image step built to ContainerRegistry under ContainerRepository and each tag, sending
/// only the blobs the registry lacks, and records the push in image.json for the report.
/// </summary>
public sealed class SlimPushImage : SlimTask
{
    /// <summary>obj/.../slim/image.json; empty or missing when no image was built.</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>obj/.../slim/: the image step's manifest, config and layer cache are under image/.</summary>
    [Required] public string StateDirectory { get; set; } = "";
    /// <summary>obj/.../slim/settings.json: the registry (ContainerRegistry), the names (ContainerRepository,
    /// ContainerImageTag(s): every tag is pushed) and the timeouts, checked by SlimValidateSettings.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    /// <summary>SlimInsecureRegistries: hosts reached over plain HTTP besides loopback, ';'-separated, e.g. registry.lan:5000.</summary>
    public string InsecureRegistries { get; set; } = "";
    /// <summary>SlimImage: false means nothing was built to push.</summary>
    public bool ImageEnabled { get; set; } = true;

    private protected override void Run(IDiagnostics diagnostics)
    {
        var settings = SlimSettings.Load(SettingsFile);
        var registry = settings.Registry;
        if (registry.Length == 0)
            return;
        var policy = PushLimits.Policy(TimeSpan.FromSeconds(settings.RegistryTimeoutSeconds), TimeSpan.FromSeconds(settings.PushTimeoutSeconds),
            DateTimeOffset.UtcNow) with { Cancellation = Cancellation };
        if (!ImageEnabled)
        {
            diagnostics.Warning(SlimDiagnostics.PushWithoutImage, registry);
            return;
        }
        if (string.IsNullOrEmpty(ImageFile) || ImageSection.TryLoad(ImageFile) is not { } image)
        {
            diagnostics.Detail("Slim: no image was built, so nothing is pushed.");
            return;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pushable = PushableImage.Load(Path.Combine(StateDirectory, "image"), image.Digest, image.Layers, image.Archive);
        var client = new RegistryClient(RegistryEndpoint.For(registry, InsecureRegistries), CredentialStore.FromProcess().Find(registry),
            SharedHttpClient.Instance, policy);
        var mountFrom = image.Base.Kind == "registry" && RegistryReference.TryParse(image.Base.Name) is { } b && b.Registry == registry ? b.Repository : null;
        PushSummary? summary = null;
        var names = settings.ImageNames.Count > 0 ? settings.ImageNames : image.Names;
        foreach (var group in names.Select(Split).GroupBy(n => n.Repository))
        {
            var pushed = ImagePusher.Push(client, group.Key, group.Select(n => n.Tag).ToList(), pushable, mountFrom, diagnostics);
            summary = summary is null ? pushed : summary with
            {
                References = [.. summary.References, .. pushed.References],
                BytesUploaded = summary.BytesUploaded + pushed.BytesUploaded,
                BlobsUploaded = summary.BlobsUploaded + pushed.BlobsUploaded,
                BlobsMounted = summary.BlobsMounted + pushed.BlobsMounted,
                BlobsSkipped = summary.BlobsSkipped + pushed.BlobsSkipped,
            };
        }
        if (summary is null)
            return;
        diagnostics.Info(PushLine(summary) + $" in {clock.Elapsed.TotalSeconds:0.00} s");
        (image with { Push = summary }).Save(ImageFile);
    }

    internal static string PushLine(PushSummary push) =>
        $"Slim: pushed {string.Join(", ", push.References)} ({push.Digest}): {push.BlobsUploaded} blob(s) uploaded, {push.BytesUploaded:N0} bytes, "
        + $"{push.BlobsSkipped} already there" + (push.BlobsMounted > 0 ? $", {push.BlobsMounted} mounted" : "");

    private static (string Repository, string Tag) Split(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "latest");
    }
}
