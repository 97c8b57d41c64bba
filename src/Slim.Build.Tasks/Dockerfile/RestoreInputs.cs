namespace Slim.Build.Tasks.Dockerfile;

/// <summary>What restore reads: the projects of the graph (the app first) and every other file, absolute; a folder feed ends with '/'.</summary>
internal sealed record RestoreInputSet(IReadOnlyList<string> Projects, IReadOnlyList<string> Others)
{
    /// <summary>Folder feeds the NuGet.config files name by an absolute path: restore in the image cannot see them.</summary>
    public IReadOnlyList<AbsoluteFolderFeed> AbsoluteFeeds { get; init; } = [];
}

/// <summary>
/// Finds the files restore reads the way MSBuild and NuGet find them, with no bound: for each project of the
/// graph, the nearest Directory.Build.props, Directory.Build.targets and Directory.Packages.props above it
/// (plus the app's own, as MSBuild resolved them) and what those and the project files import; the
/// NuGet.config files in effect and the folder feeds they name; the nearest global.json (the SDK
/// resolver's rule); packages.lock.json beside each project.
/// </summary>
internal static class RestoreInputs
{
    private static readonly string[] DirectoryFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];
    private const string GlobalJson = "global.json";
    private const string LockFile = "packages.lock.json";

    /// <param name="appDirectoryFiles">The app's $(DirectoryBuildPropsPath), $(DirectoryBuildTargetsPath) and $(DirectoryPackagesPropsPath); empty or missing ones are skipped.</param>
    /// <param name="assetsFile">The app's $(ProjectAssetsFile), obj/project.assets.json; empty before any restore.</param>
    public static RestoreInputSet Find(string projectFile, IEnumerable<string> referencedProjects, IEnumerable<string> appDirectoryFiles, string assetsFile)
    {
        var app = Path.GetFullPath(projectFile);
        var projects = referencedProjects.Select(Path.GetFullPath).Where(p => p != app).Distinct().Prepend(app).ToList();

        var msbuildFiles = new List<string>(appDirectoryFiles.Where(f => !string.IsNullOrWhiteSpace(f) && File.Exists(f)).Select(Path.GetFullPath));
        var others = new SortedSet<string>(StringComparer.Ordinal);
        var absoluteFeeds = new List<AbsoluteFolderFeed>();
        foreach (var folder in projects.Select(p => Path.GetDirectoryName(p)!))
        {
            foreach (var name in DirectoryFiles)
                if (FolderPaths.NearestAbove(folder, name) is { } found)
                    msbuildFiles.Add(found);
            if (FolderPaths.NearestAbove(folder, GlobalJson) is { } globalJson)
                others.Add(globalJson);
            if (FolderPaths.Listed(folder, LockFile))
                others.Add(Path.Combine(folder, LockFile));
        }
        foreach (var file in ImportClosure(projects.Concat(msbuildFiles)).Where(f => !projects.Contains(f)))
            others.Add(file);
        foreach (var config in NuGetConfigFiles.InEffect(projects, assetsFile))
        {
            others.Add(config);
            // A feed that holds a project would copy the source into the restore layer.
            foreach (var feed in FolderFeeds.In(config).Where(feed => !projects.Any(p => FolderPaths.IsUnder(p, feed))))
                others.Add(feed + "/");
            absoluteFeeds.AddRange(FolderFeeds.Absolute(config));
        }
        return new RestoreInputSet(projects, others.ToList()) { AbsoluteFeeds = absoluteFeeds };
    }

    /// <summary>The files themselves and everything they import, followed to the end.</summary>
    private static HashSet<string> ImportClosure(IEnumerable<string> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(files);
        while (pending.TryDequeue(out var file))
            if (seen.Add(file))
                foreach (var imported in MsBuildImports.Of(file))
                    pending.Enqueue(imported);
        return seen;
    }
}
