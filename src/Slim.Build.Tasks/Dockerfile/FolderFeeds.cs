using System.Xml;
using System.Xml.Linq;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>A package source a NuGet.config names by an absolute folder path: a folder of this machine.</summary>
/// <param name="Config">The NuGet.config, absolute.</param>
/// <param name="Key">The source's key, e.g. "local".</param>
/// <param name="Folder">The value as written, e.g. /home/me/feed.</param>
internal sealed record AbsoluteFolderFeed(string Config, string Key, string Folder);

/// <summary>
/// Folder package sources a NuGet.config names by a relative path: restore in the image needs them before
/// the rest of the source arrives. An absolute path names a folder of this machine, which the image's
/// restore would look for at that same path, so copying it into the context would not help: those are
/// listed apart (<see cref="Absolute"/>) for a warning.
/// </summary>
internal static class FolderFeeds
{
    public static IEnumerable<string> In(string nugetConfig)
    {
        var folder = Path.GetDirectoryName(nugetConfig)!;
        foreach (var (_, value) in Sources(nugetConfig))
        {
            if (!IsFolder(value) || Path.IsPathRooted(value))
                continue;
            var feed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(folder, value)));
            if (Directory.Exists(feed))
                yield return feed;
        }
    }

    /// <summary>The sources named by an absolute folder path, whether or not the folder exists here.</summary>
    public static IEnumerable<AbsoluteFolderFeed> Absolute(string nugetConfig) =>
        Sources(nugetConfig).Where(s => IsFolder(s.Value) && Path.IsPathRooted(s.Value))
            .Select(s => new AbsoluteFolderFeed(nugetConfig, s.Key, s.Value));

    /// <summary>A URL, or a value NuGet expands from the environment, is not a folder Slim can judge.</summary>
    private static bool IsFolder(string value) =>
        value.Length > 0 && !value.Contains("://", StringComparison.Ordinal) && value.IndexOfAny(['$', '%']) < 0;

    private static IEnumerable<(string Key, string Value)> Sources(string nugetConfig)
    {
        XDocument document;
        try { document = XDocument.Load(nugetConfig); }
        catch (XmlException) { yield break; }
        foreach (var add in document.Descendants("packageSources").Elements("add"))
            yield return (add.Attribute("key")?.Value ?? "", (add.Attribute("value")?.Value ?? "").Replace('\\', '/'));
    }
}
