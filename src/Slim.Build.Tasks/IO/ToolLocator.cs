namespace Slim.Build.Tasks.IO;

/// <summary>Finds a host tool the way a shell would: a path is taken as is, a bare name is looked up on PATH.</summary>
internal static class ToolLocator
{
    public static string? Find(string tool, string? pathVariable = null)
    {
        if (string.IsNullOrWhiteSpace(tool))
            return null;
        if (tool.Contains('/') || tool.Contains('\\'))
            return File.Exists(tool) ? Path.GetFullPath(tool) : null;
        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
    }
}
