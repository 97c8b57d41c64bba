namespace Slim.Build.Tasks.Dockerfile;

/// <summary>Where the source build runs from, and the files its restore layer copies, relative to that folder (a folder feed ends with '/').</summary>
internal sealed record BuildContextLayout(string Root, string ProjectPath, IReadOnlyList<string> RestoreFiles)
{
    /// <param name="restoreInputs">Absolute paths under <paramref name="root"/>, the project files among them.</param>
    public static BuildContextLayout Of(string root, string projectFile, IEnumerable<string> restoreInputs) =>
        new(root, FolderPaths.Relative(root, Path.GetFullPath(projectFile)),
            restoreInputs.Select(input => FolderPaths.Relative(root, input)).Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>The restore inputs as absolute paths again, for MSBuild's Inputs.</summary>
    public IEnumerable<string> AbsoluteRestoreFiles => RestoreFiles.Select(file => Path.Combine(Root, file));
}
