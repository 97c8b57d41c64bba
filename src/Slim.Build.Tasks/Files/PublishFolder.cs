namespace Slim.Build.Tasks.Files;

/// <summary>
/// The files of a publish folder that belong to the project. A folder of its own holds only the project's files (and
/// those the SDK copies outside ResolvedFileToPublish, such as a web app's static assets): all of them count. A folder
/// that several projects publish into (dotnet publish sln -o out) holds theirs too: then only the files the project's
/// own publish wrote there count, as listed in obj/.../slim/own-files.txt.
/// </summary>
internal static class PublishFolder
{
    /// <param name="ownFilesList">own-files.txt, one path relative to the folder a line; empty or missing: the folder is the project's own.</param>
    /// <returns>Paths relative to <paramref name="directory"/>, '/' separators, of files that exist, in ordinal order.</returns>
    public static IReadOnlyList<string> RelativeFiles(string directory, string? ownFilesList)
    {
        if (!Directory.Exists(directory))
            return [];
        if (string.IsNullOrEmpty(ownFilesList) || !File.Exists(ownFilesList))
            return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal).ToList();
        return File.ReadAllLines(ownFilesList)
            .Select(l => l.Trim().Replace('\\', '/'))
            .Where(l => l.Length > 0 && File.Exists(Path.Combine(directory, l)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
