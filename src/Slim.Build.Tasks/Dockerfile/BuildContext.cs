using System.Xml;
using System.Xml.Linq;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>Where the source build runs from, and the files its restore layer copies, relative to that folder.</summary>
internal sealed record BuildContextLayout(string Root, string ProjectPath, IReadOnlyList<string> RestoreFiles);

/// <summary>
/// Finds the build context of the source build: the repository root (the folder holding .git) when
/// there is one, else the folder that holds every project of the ProjectReference graph. The restore
/// layer copies every project file plus the files that change what restore does, found in each project's
/// folder and every folder above it up to the context root, and the folder feeds those NuGet.config files name.
/// </summary>
internal static class BuildContext
{
    /// <summary>Files restore reads besides the project files; NuGet on Linux accepts the three spellings of NuGet.config.</summary>
    public static readonly string[] RestoreInputs =
        ["NuGet.config", "nuget.config", "NuGet.Config", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];

    /// <summary>Lock files sit beside their project.</summary>
    private const string LockFile = "packages.lock.json";

    public static BuildContextLayout Resolve(string projectFile, IEnumerable<string> referencedProjects, string contextOverride, IDiagnostics diagnostics)
    {
        var project = Path.GetFullPath(projectFile);
        var projects = referencedProjects.Select(Path.GetFullPath).Where(p => p != project).Distinct().ToList();
        var root = Normalize(string.IsNullOrWhiteSpace(contextOverride)
            ? RepositoryRoot(Path.GetDirectoryName(project)!) ?? CommonAncestor([project, .. projects])
            : Path.GetFullPath(contextOverride));

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in projects.Prepend(project))
        {
            if (!IsUnder(file, root))
            {
                diagnostics.Warning(SlimDiagnostics.DockerContextMissesProject, file, root);
                continue;
            }
            files.Add(Relative(root, file));
            var folder = Path.GetDirectoryName(file)!;
            if (File.Exists(Path.Combine(folder, LockFile)))
                files.Add(Relative(root, Path.Combine(folder, LockFile)));
            for (var dir = folder; dir is not null && IsUnder(dir, root); dir = Path.GetDirectoryName(dir))
                foreach (var name in RestoreInputs.Where(name => File.Exists(Path.Combine(dir, name)) && Listed(dir, name)))
                    files.Add(Relative(root, Path.Combine(dir, name)));
        }
        foreach (var config in files.Where(f => f.EndsWith(".config", StringComparison.OrdinalIgnoreCase)).ToList())
            foreach (var feed in LocalFeeds(Path.Combine(root, config)).Where(feed => IsUnder(feed, root) && feed != root))
                files.Add(Relative(root, feed) + "/");
        return new BuildContextLayout(root, Relative(root, project), files.ToList());
    }

    /// <summary>Folder package sources a NuGet.config names: restore needs them before the rest of the source arrives.</summary>
    private static IEnumerable<string> LocalFeeds(string nugetConfig)
    {
        XDocument document;
        try { document = XDocument.Load(nugetConfig); }
        catch (XmlException) { yield break; }
        var folder = Path.GetDirectoryName(nugetConfig)!;
        foreach (var add in document.Descendants("packageSources").Elements("add"))
        {
            var value = add.Attribute("value")?.Value ?? "";
            if (value.Length == 0 || value.Contains("://", StringComparison.Ordinal))
                continue;
            var feed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(folder, value.Replace('\\', '/'))));
            if (Directory.Exists(feed))
                yield return feed;
        }
    }

    private static string? RepositoryRoot(string folder)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git")))
                return dir;
        return null;
    }

    private static string CommonAncestor(IReadOnlyList<string> files)
    {
        var common = Path.GetDirectoryName(files[0])!;
        foreach (var file in files.Skip(1))
            while (!IsUnder(file, common))
                common = Path.GetDirectoryName(common) ?? "/";
        return common;
    }

    /// <summary>File.Exists ignores case on some file systems; the name must be spelled as it is on disk.</summary>
    private static bool Listed(string folder, string name) =>
        Directory.EnumerateFiles(folder, name).Any(f => Path.GetFileName(f) == name);

    private static string Normalize(string folder) => Path.TrimEndingDirectorySeparator(folder);

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
