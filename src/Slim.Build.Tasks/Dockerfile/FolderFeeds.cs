using System.Xml;
using System.Xml.Linq;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// Folder package sources a NuGet.config names by a relative path: restore in the image needs them before
/// the rest of the source arrives. An absolute path names a folder of this machine, which the image's
/// restore would look for at that same path, so copying it into the context would not help.
/// </summary>
internal static class FolderFeeds
{
    public static IEnumerable<string> In(string nugetConfig)
    {
        XDocument document;
        try { document = XDocument.Load(nugetConfig); }
        catch (XmlException) { yield break; }
        var folder = Path.GetDirectoryName(nugetConfig)!;
        foreach (var add in document.Descendants("packageSources").Elements("add"))
        {
            var value = (add.Attribute("value")?.Value ?? "").Replace('\\', '/');
            if (value.Length == 0 || value.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(value) || value.IndexOfAny(['$', '%']) >= 0)
                continue;
            var feed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(folder, value)));
            if (Directory.Exists(feed))
                yield return feed;
        }
    }
}
