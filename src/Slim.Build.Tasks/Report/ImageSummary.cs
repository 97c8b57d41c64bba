using System.Text;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;

namespace Slim.Build.Tasks.Report;

/// <summary>The image as people read it: a console line and a section of report.md.</summary>
internal static class ImageSummary
{
    public static IEnumerable<string> ConsoleLines(ImageSection? image)
    {
        if (image is null)
            yield break;
        yield return $"Slim: image {image.Digest[..Math.Min(image.Digest.Length, 19)]}: {ByteSize.Human(image.WireBytes)} on the wire, "
            + $"{ByteSize.Human(image.UnpackedBytes)} unpacked, {image.Layers.Count} layer(s) on base {image.Base.Kind} {image.Base.Name}: {image.Archive}";
    }

    public static void AppendMarkdown(StringBuilder md, ImageSection? image)
    {
        if (image is null)
            return;
        md.AppendLine($"### Image: {ByteSize.Human(image.WireBytes)} on the wire, {ByteSize.Human(image.UnpackedBytes)} unpacked");
        md.AppendLine();
        md.AppendLine($"`{image.Digest}` ({image.Format}), base {image.Base.Kind} `{image.Base.Name}`; names: {string.Join(", ", image.Names.Select(n => $"`{n}`"))}");
        md.AppendLine();
        if (image.Push is { } push)
        {
            md.AppendLine($"Pushed to {string.Join(", ", push.References.Select(r => $"`{r}`"))} as `{push.Digest}`: {push.BlobsUploaded} blob(s) uploaded "
                + $"({push.BytesUploaded:N0} B), {push.BlobsMounted} mounted, {push.BlobsSkipped} already in the registry.");
            md.AppendLine();
        }
        md.AppendLine("| Layer | Holds | Wire | Unpacked |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var layer in image.Layers)
            md.AppendLine($"| `{layer.Digest[..Math.Min(layer.Digest.Length, 19)]}` | {layer.Holds} | {layer.WireBytes:N0} | {layer.UnpackedBytes:N0} |");
        md.AppendLine();
        if (image.Packages.Count > 0)
        {
            md.AppendLine("Debian packages in the base: " + string.Join(", ", image.Packages.Select(p => $"{p.Name} {p.Version}")));
            md.AppendLine();
        }
    }
}
