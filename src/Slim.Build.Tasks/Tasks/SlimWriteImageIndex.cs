using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Combines the images each platform's own publish wrote (ContainerRuntimeIdentifiers) into one OCI image index
/// in slim/image.tar, named as a single-platform image is (ContainerRepository:tag).
/// </summary>
public sealed class SlimWriteImageIndex : SlimTask
{
    /// <summary>One item per RID, in the list's order, with %(ImageFile): that platform's image.json (its archive and sizes).</summary>
    [Required] public ITaskItem[] Platforms { get; set; } = [];
    /// <summary>slim/image.tar.</summary>
    [Required] public string ArchiveFile { get; set; } = "";
    /// <summary>obj/.../slim/index/: the platforms' blobs, copied out of their archives.</summary>
    [Required] public string WorkDirectory { get; set; } = "";
    /// <summary>obj/.../slim/settings.json: the names (ContainerRepository, ContainerImageTag(s)).</summary>
    [Required] public string SettingsFile { get; set; } = "";

    [Output] public string Digest { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var images = new List<(PlatformImage Image, ImageSection Section)>();
        foreach (var item in Platforms)
        {
            if (!ImagePlatform.TryFromRuntimeIdentifier(item.ItemSpec, out var platform))
            {
                diagnostics.Error(SlimDiagnostics.PlatformNotLinux, item.ItemSpec);
                return;
            }
            var imageFile = item.GetMetadata("ImageFile");
            if (ImageSection.TryLoad(imageFile) is not { } section)
            {
                diagnostics.Error(SlimDiagnostics.PlatformImageUnusable, imageFile, $"the {item.ItemSpec} publish recorded no image");
                return;
            }
            images.Add((new PlatformImage(item.ItemSpec, platform, section.Archive), section));
        }
        var settings = SlimSettings.Load(SettingsFile);
        var summary = ImageIndexArchive.Write([.. images.Select(i => i.Image)], settings.ImageNames, ArchiveFile, WorkDirectory, ImageEpoch.FromEnvironment());
        Digest = summary.Digest;
        var platforms = summary.Platforms.Zip(images, (p, i) => $"{p.Manifest.Platform!.Describe()} {ByteSize.Human(i.Section.WireBytes)} ({ByteSize.Human(i.Section.UnpackedBytes)} unpacked)");
        diagnostics.Info($"Slim: image index {summary.Archive} ({summary.Digest}): {string.Join(", ", platforms)}");
    }
}
