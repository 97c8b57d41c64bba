using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Combines the images each platform's own publish wrote (ContainerRuntimeIdentifiers) into one OCI image index
/// in slim/image.tar, named as a single-platform image is (ContainerRepository:tag), and writes the index's report
/// (slim/report.json and report.md) from what each platform's publish recorded.
/// </summary>
public sealed class SlimWriteImageIndex : SlimTask
{
    /// <summary>
    /// One item per RID, in the list's order, with %(ImageFile): that platform's image.json (its archive and sizes),
    /// %(StateDirectory): its obj/.../slim/ (needs.json), and %(ReportFile): its report.json (budgets), missing when SlimReport=false.
    /// </summary>
    [Required] public ITaskItem[] Platforms { get; set; } = [];
    /// <summary>slim/image.tar.</summary>
    [Required] public string ArchiveFile { get; set; } = "";
    /// <summary>obj/.../slim/index/: the platforms' blobs, copied out of their archives.</summary>
    [Required] public string WorkDirectory { get; set; } = "";
    /// <summary>obj/.../slim/settings.json: the names (ContainerRepository, ContainerImageTag(s)).</summary>
    [Required] public string SettingsFile { get; set; } = "";

    /// <summary>slim/: where the index's report.json and report.md go.</summary>
    [Required] public string ReportDirectory { get; set; } = "";
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>SlimReport: false prints the console line only.</summary>
    public bool WriteReport { get; set; } = true;

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
        var records = summary.Platforms.Zip(images, Platforms).Select(p => new PlatformRecord(p.Third.ItemSpec, p.First.Manifest.Platform!, p.First.Manifest.Digest,
            p.Second.Section, RuntimeNeeds.TryLoad(Path.Combine(p.Third.GetMetadata("StateDirectory"), RuntimeNeeds.FileName)), PlatformReport(p.Third.GetMetadata("ReportFile")))).ToList();
        var report = IndexReportBuilder.Build(new ToolInfo("Slim", SlimWriteReport.ToolVersion().Split('+')[0]), ProjectName,
            new IndexSection(summary.Archive, summary.Digest, settings.ImageNames), records);
        diagnostics.Info(IndexSummary.ConsoleLine(report));
        if (!WriteReport)
            return;
        IndexReportWriter.Write(report, [.. images.Select(i => i.Section)], ReportDirectory);
        diagnostics.Info($"Slim: report: {Path.Combine(ReportDirectory, ReportWriter.MarkdownFileName)}");
    }

    private static (string, SizeReport)? PlatformReport(string path) => File.Exists(path) ? (Path.GetFullPath(path), ReportReader.Read(path)) : null;
}
