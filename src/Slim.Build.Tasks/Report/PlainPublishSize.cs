namespace Slim.Build.Tasks.Report;

/// <summary>The size of the plain publish Slim made beside its own: every file of its publish folder.</summary>
internal static class PlainPublishSize
{
    /// <returns>Null when no plain publish was made (an empty path or no folder).</returns>
    public static long? Measure(string directory) =>
        string.IsNullOrEmpty(directory) || !Directory.Exists(directory)
            ? null
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
