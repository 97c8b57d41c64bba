using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// Chooses the build context of the source build: the folder that holds every file restore reads
/// (<see cref="RestoreInputs"/>) and the repository root (the folder holding .git) when there is one.
/// SlimDockerContextDirectory wins when set. A file that would make the context the user's home folder
/// or the file system root is left out with a warning instead: nobody sends either to a container builder.
/// </summary>
internal static class BuildContext
{
    /// <param name="homeFolder">The user's home folder; empty when unknown.</param>
    public static BuildContextLayout Resolve(RestoreInputSet inputs, string contextOverride, string homeFolder, IDiagnostics diagnostics)
    {
        var app = inputs.Projects[0];
        if (!string.IsNullOrWhiteSpace(contextOverride))
            return Given(inputs, Path.TrimEndingDirectorySeparator(Path.GetFullPath(contextOverride)), diagnostics);

        var start = FolderPaths.CommonAncestor(inputs.Projects.Select(FolderPaths.FolderOf).Concat(RepositoryRoot(FolderPaths.FolderOf(app))));
        bool TooWide(string folder) => folder == "/" || (homeFolder.Length > 0 && FolderPaths.IsUnder(homeFolder, folder));
        var kept = new List<string>();
        foreach (var input in inputs.Others)
        {
            var needed = FolderPaths.CommonAncestor([start, FolderPaths.FolderOf(input)]);
            if (TooWide(needed) && !TooWide(start))
                diagnostics.Warning(SlimDiagnostics.RestoreInputOutsideContext_TooWide, Display(input), needed);
            else
                kept.Add(input);
        }
        var root = FolderPaths.CommonAncestor(kept.Select(FolderPaths.FolderOf).Prepend(start));
        return BuildContextLayout.Of(root, app, inputs.Projects.Concat(kept));
    }

    private static BuildContextLayout Given(RestoreInputSet inputs, string root, IDiagnostics diagnostics)
    {
        foreach (var project in inputs.Projects.Where(p => !FolderPaths.IsUnder(p, root)))
            diagnostics.Warning(SlimDiagnostics.DockerContextMissesProject, project, root);
        foreach (var input in inputs.Others.Where(i => !FolderPaths.IsUnder(i, root)))
            diagnostics.Warning(SlimDiagnostics.RestoreInputOutsideContext_Given, Display(input), root);
        return BuildContextLayout.Of(root, inputs.Projects[0], inputs.Projects.Concat(inputs.Others).Where(i => FolderPaths.IsUnder(i, root)));
    }

    private static string Display(string input) => input.Length > 1 ? input.TrimEnd('/') : input;

    private static IEnumerable<string> RepositoryRoot(string folder) =>
        FolderPaths.SelfAndAncestors(folder).Where(dir => Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))).Take(1);
}
