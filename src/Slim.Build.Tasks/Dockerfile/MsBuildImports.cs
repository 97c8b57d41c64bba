using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// The files an MSBuild file imports that can be found without evaluating it: a relative path (optionally
/// from $(MSBuildThisFileDirectory)), or the next file of a name above its folder (GetPathOfFileAbove,
/// GetDirectoryNameOfFileAbove: how a nested Directory.Build.props chains to its parent's). Restore reads
/// them as it reads the importing file. Imports built from other properties or SDKs are not followed.
/// </summary>
internal static partial class MsBuildImports
{
    public static IEnumerable<string> Of(string file)
    {
        var document = Load(file);
        if (document is null)
            yield break;
        var folder = Path.GetDirectoryName(file)!;
        foreach (var import in document.Descendants().Where(e => e.Name.LocalName == "Import" && e.Attribute("Sdk") is null))
        {
            var project = import.Attribute("Project")?.Value.Trim() ?? "";
            var found = FileAbove().IsMatch(project) ? Above(folder, project) : Relative(folder, project);
            if (found is not null)
                yield return found;
        }
    }

    private static string? Above(string folder, string project)
    {
        var name = FileName().Match(project).Value;
        var parent = Path.GetDirectoryName(folder);
        return name.Length == 0 || parent is null ? null : FolderPaths.NearestAbove(parent, name);
    }

    private static string? Relative(string folder, string project)
    {
        var path = project.Replace("$(MSBuildThisFileDirectory)", folder + "/", StringComparison.OrdinalIgnoreCase).Replace('\\', '/');
        if (path.Length == 0 || path.IndexOfAny(['$', '@', '%', '*', '?', ';']) >= 0)
            return null;
        var full = Path.GetFullPath(Path.Combine(folder, path));
        return File.Exists(full) ? full : null;
    }

    private static XDocument? Load(string file)
    {
        try { return XDocument.Load(file); }
        catch (XmlException) { return null; }
    }

    [GeneratedRegex(@"(GetPathOfFileAbove|GetDirectoryNameOfFileAbove)\s*\(")]
    private static partial Regex FileAbove();

    [GeneratedRegex(@"[\w.\-]+\.(props|targets)")]
    private static partial Regex FileName();
}
