namespace Slim.Build.Tasks.IO;

/// <summary>Finds a host tool the way a shell would: a path is taken as is, a bare name is looked up on PATH; only an executable file counts.</summary>
internal static class ToolLocator
{
    public static string? Find(string tool, string? pathVariable = null)
    {
        if (string.IsNullOrWhiteSpace(tool))
            return null;
        if (IsPath(tool))
            return IsExecutableFile(tool) ? Path.GetFullPath(tool) : null;
        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(IsExecutableFile);
    }

    /// <summary>Why <see cref="Find"/> found nothing, for a message: "does not exist", "is a directory", ...</summary>
    public static string WhyNotFound(string tool)
    {
        if (string.IsNullOrWhiteSpace(tool))
            return "is empty";
        if (!IsPath(tool))
            return "is not a program on PATH";
        if (Directory.Exists(tool))
            return "is a directory, not a program";
        if (!File.Exists(tool))
            return "does not exist";
        return "is not executable (chmod +x it)";
    }

    private static bool IsPath(string tool) => tool.Contains('/') || tool.Contains('\\');

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
