namespace Slim.Build.Tasks.IO;

/// <summary>
/// Whether a folder can take new files, asked before a step writes there: a read-only folder would otherwise show
/// as the SDK Copy task's ten retries and a raw MSB3027, or a half-written set of outputs.
/// </summary>
internal static class WritableFolder
{
    /// <summary>Creates the folder if needed and writes and removes a probe file; null when that worked, else why not.</summary>
    public static string? WhyNot(string folder)
    {
        var probe = Path.Combine(folder, $".slim-write-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
