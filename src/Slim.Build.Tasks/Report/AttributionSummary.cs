using System.Text;
using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>report.md's attribution: bytes by origin, the executable by assembly, and the packages to look at.</summary>
internal static class AttributionSummary
{
    private const int TopAssemblies = 12;

    public static void AppendMarkdown(StringBuilder md, AttributionSection? attribution)
    {
        if (attribution is null)
            return;
        Origins(md, "Where the publish folder's bytes come from", attribution.Publish);
        if (attribution.Image is { } image)
            Origins(md, "Where the image's bytes come from", image);
        if (attribution.Executable is { } executable)
        {
            md.AppendLine($"### `{executable.Path}` by assembly (ILC's size map)");
            md.AppendLine();
            md.AppendLine("| assembly | origin | bytes | size |");
            md.AppendLine("|---|---|---:|---:|");
            foreach (var a in executable.Assemblies.Take(TopAssemblies))
                md.AppendLine($"| {a.Assembly} | {Name(a.Kind, a.Name, a.Version)} | {a.Bytes:N0} | {ByteSize.Human(a.Bytes)} |");
            var rest = executable.Assemblies.Skip(TopAssemblies).ToList();
            if (rest.Count > 0)
                md.AppendLine($"| {rest.Count} more assemblies | | {rest.Sum(a => a.Bytes):N0} | {ByteSize.Human(rest.Sum(a => a.Bytes))} |");
            md.AppendLine($"| native runtime, compiler data, headers | {executable.NativeOrigin} | {executable.NativeBytes:N0} | {ByteSize.Human(executable.NativeBytes)} |");
            md.AppendLine();
        }
        if (attribution.TrimmedAway.Count > 0)
        {
            md.AppendLine("Packages whose code was trimmed away entirely (candidates to remove): "
                          + string.Join(", ", attribution.TrimmedAway.Select(p => $"{p.Name} {p.Version}")) + ".");
            md.AppendLine();
        }
        if (attribution.MultipleVersions.Count > 0)
        {
            md.AppendLine("Packages present in several versions: "
                          + string.Join("; ", attribution.MultipleVersions.Select(p => $"{p.Name} ({string.Join(", ", p.Versions)})")) + ".");
            md.AppendLine();
        }
    }

    private static void Origins(StringBuilder md, string title, IReadOnlyList<OriginBytes> origins)
    {
        md.AppendLine($"### {title}");
        md.AppendLine();
        md.AppendLine("| origin | kind | files | bytes | size |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var o in origins)
            md.AppendLine($"| {Name(o.Kind, o.Name, o.Version)} | {o.Kind} | {o.Files.Count} | {o.Bytes:N0} | {ByteSize.Human(o.Bytes)} |");
        md.AppendLine();
    }

    private static string Name(string kind, string name, string? version) =>
        (version is null ? name : $"{name} {version}").Replace("|", "\\|");
}
