using System.Text;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// Completes the SBOM with the base's Debian packages and puts it into the app's layer beside the app
/// (/app/&lt;App&gt;.cdx.json), where trivy's image scan finds it: an AOT image has no .deps.json to read.
/// </summary>
internal static class ImageSbom
{
    /// <returns>The SBOM's bytes; the last layer (the app's) gains the file.</returns>
    public static byte[] AddTo(List<PlannedLayer> planned, SbomRequest sbom, IReadOnlyList<BasePackage> packages, string workingDirectory)
    {
        var distro = planned.SelectMany(l => l.Entries).FirstOrDefault(e => e.Path == "etc/os-release") is { } osRelease
            ? OsRelease.Distro(osRelease.Content is { } content ? Encoding.UTF8.GetString(content) : File.ReadAllText(osRelease.SourceFile!))
            : null;
        var bytes = CycloneDxWriter.Write(sbom with
        {
            Components = [.. sbom.Components, .. packages.Select(p => SbomComponent.Debian(p.Name, p.Version, p.Architecture, distro))],
        });
        var entry = new LayerEntry(workingDirectory.TrimEnd('/') + "/" + sbom.FileName, LayerEntryKind.File, LayerEntry.Regular, Content: bytes);
        var last = planned[^1];
        planned[^1] = last with { Entries = [.. last.Entries, entry] };
        return bytes;
    }
}
