using System.Text.Json;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// The NuGet.config files restore used, as NuGet recorded them: the app's obj/project.assets.json
/// (project.restore.configFilePaths) and the dgspec beside it, which lists every project of the graph
/// with its own. Only files in a project's folder or a folder above it are kept: the user-wide
/// ~/.nuget/NuGet/NuGet.Config and machine-wide configs belong to this machine, not to the source, and a
/// restore in the image would not look for them there. Before any restore, NuGet's own walk up stands in.
/// </summary>
internal static class NuGetConfigFiles
{
    /// <summary>The spellings NuGet looks for in each folder on a case-sensitive file system.</summary>
    private static readonly string[] Names = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <param name="projects">The app first, then its ProjectReference graph.</param>
    public static IEnumerable<string> InEffect(IReadOnlyList<string> projects, string assetsFile)
    {
        var projectFolders = projects.SelectMany(p => FolderPaths.SelfAndAncestors(Path.GetDirectoryName(p)!)).ToHashSet();
        var recorded = Recorded(projects[0], assetsFile);
        var configs = recorded.Count > 0
            ? recorded
            : projectFolders.SelectMany(dir => Names.Where(name => FolderPaths.Listed(dir, name)).Select(name => Path.Combine(dir, name)));
        return configs.Select(Path.GetFullPath).Where(c => projectFolders.Contains(Path.GetDirectoryName(c)!) && File.Exists(c)).Distinct();
    }

    private static List<string> Recorded(string projectFile, string assetsFile)
    {
        var configs = new List<string>();
        if (string.IsNullOrEmpty(assetsFile))
            return configs;
        configs.AddRange(RecordedInAssets(assetsFile));
        var dgspec = Path.Combine(Path.GetDirectoryName(assetsFile)!, Path.GetFileName(projectFile) + ".nuget.dgspec.json");
        if (Read(dgspec) is { } spec && spec.TryGetProperty("projects", out var graph) && graph.ValueKind == JsonValueKind.Object)
            foreach (var each in graph.EnumerateObject())
                configs.AddRange(ConfigFilePaths(each.Value));
        return configs;
    }

    /// <summary>The app's own record; a damaged assets file records nothing (restore will write it again).</summary>
    private static IReadOnlyList<string> RecordedInAssets(string assetsFile)
    {
        try { return ProjectAssets.ReadIfRestored(assetsFile, "", "").ConfigFilePaths; }
        catch (JsonException) { return []; }
    }

    private static IEnumerable<string> ConfigFilePaths(JsonElement project) =>
        project.ValueKind == JsonValueKind.Object && project.TryGetProperty("restore", out var restore) && restore.ValueKind == JsonValueKind.Object
            && restore.TryGetProperty("configFilePaths", out var paths) && paths.ValueKind == JsonValueKind.Array
            ? paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList()
            : [];

    private static JsonElement? Read(string file)
    {
        if (!File.Exists(file))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.Clone();
        }
        catch (JsonException) { return null; }
    }
}
