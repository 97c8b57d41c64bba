namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The run's own C# compiler server. The SDK compiles through a long-lived VBCSCompiler by default; a machine that
/// sets UseSharedCompilation=false (this one does) makes every publish of the run start a cold compiler instead,
/// about 1 s of CPU each. The run's server listens on a pipe of its own, so it never serves or stops a user's
/// builds, and the run stops it at the end.
/// </summary>
internal static class CompilerServer
{
    private static readonly string PipeName = "slim-e2e-" + System.Environment.ProcessId;

    /// <summary>What every dotnet command of the run gets on top of its environment.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        new("UseSharedCompilation", "true"),
        new("SharedCompilationId", PipeName),
    ];

    /// <summary>Stops the run's server, if one started: the process whose command line names the run's pipe.</summary>
    public static void Stop()
    {
        foreach (var process in System.Diagnostics.Process.GetProcessesByName("VBCSCompiler"))
        {
            using (process)
            {
                try
                {
                    var arguments = File.ReadAllText($"/proc/{process.Id}/cmdline").Split('\0');
                    if (arguments.Contains("-pipename:" + PipeName))
                        process.Kill();
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone already.
                }
            }
        }
    }
}
