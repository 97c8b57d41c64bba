namespace Slim.Build.Tasks.Dockerfile;

/// <summary>Absolute paths as MSBuild and NuGet walk them: which folder holds which path, and the folders above a folder.</summary>
internal static class FolderPaths
{
    public static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);

    /// <summary>The folder itself, then each folder above it up to the file system root.</summary>
    public static IEnumerable<string> SelfAndAncestors(string folder)
    {
        for (var dir = Path.TrimEndingDirectorySeparator(folder); dir is not null; dir = Path.GetDirectoryName(dir))
            yield return dir;
    }

    /// <summary>The nearest file of that name walking up from the folder, with no bound: MSBuild's rule for Directory.Build.props.</summary>
    public static string? NearestAbove(string folder, string name) =>
        SelfAndAncestors(folder).Where(dir => Listed(dir, name)).Select(dir => Path.Combine(dir, name)).FirstOrDefault();

    /// <summary>
    /// File.Exists ignores case on some file systems; the name must be spelled as it is on disk. The walk has
    /// no bound, so it may pass a folder that can be searched but not listed: there File.Exists has the say.
    /// </summary>
    public static bool Listed(string folder, string name)
    {
        if (!File.Exists(Path.Combine(folder, name)))
            return false;
        try { return Directory.EnumerateFiles(folder, name).Any(f => Path.GetFileName(f) == name); }
        catch (UnauthorizedAccessException) { return true; }
    }

    public static string CommonAncestor(IEnumerable<string> folders)
    {
        string? common = null;
        foreach (var folder in folders)
            for (common ??= folder; !IsUnder(folder, common);)
                common = Path.GetDirectoryName(common) ?? "/";
        return common ?? "/";
    }

    /// <summary>A restore input's folder; a folder feed is written with a trailing slash and is its own folder.</summary>
    public static string FolderOf(string input) =>
        input.EndsWith('/') && input.Length > 1 ? input[..^1] : Path.GetDirectoryName(input) ?? "/";

    public static string Relative(string root, string path)
    {
        var isFolder = path.EndsWith('/') && path.Length > 1;
        var relative = Path.GetRelativePath(root, isFolder ? path[..^1] : path).Replace('\\', '/');
        return isFolder ? relative + "/" : relative;
    }
}
