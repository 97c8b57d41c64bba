namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The run's own long-lived build processes. The SDK compiles through a VBCSCompiler server and, where node reuse
/// is on, builds through an MSBuild server that keeps the SDK's targets evaluated and its code compiled between
/// builds. A machine that turns both off (this one sets UseSharedCompilation=false and MSBUILDDISABLENODEREUSE=1)
/// makes every dotnet command of the run start cold: about 1 s of CPU for the compiler and another for MSBuild.
/// The run's servers are its own: the compiler's pipe is named after the run, and MSBuild's pipes after a
/// handshake salt (MSBUILDNODEHANDSHAKESALT) of the run's, so they never serve or stop a user's builds, and the
/// run stops them at the end. An MSBuild server builds one thing at a time (a second client would build in its
/// own process), so every dotnet command leases a salt no running command holds: one server per command at once.
/// </summary>
internal static class BuildServers
{
    private static readonly string RunId = "slim-e2e-" + System.Environment.ProcessId;
    private const string SaltVariable = "MSBUILDNODEHANDSHAKESALT";
    private const string ServerVariable = "DOTNET_CLI_USE_MSBUILD_SERVER";
    private static readonly List<string> FreeSalts = [];
    private static int _salts;

    /// <summary>What every dotnet command of the run gets on top of its environment; <see cref="Lease"/> adds the salt.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        new("UseSharedCompilation", "true"),
        new("SharedCompilationId", RunId),
        new(ServerVariable, "1"),
        new("MSBUILDDISABLENODEREUSE", "0"),
        // dotnet test runs the tests with these set for its own MSBuild: the server off, and nodes started without
        // their own output streams, so a node that lives on would hold the publish's output open (ProcessRunner would
        // wait for its end forever). A user's shell has neither.
        new("MSBUILDUSESERVER", "1"),
        new("MSBUILDENSURESTDOUTFORTASKPROCESSES", ""),
    ];

    /// <summary>What a command gets on top of <see cref="Environment"/> to build as this machine's shell does: no server, a cold compiler and MSBuild in its own process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Off() =>
    [
        new("UseSharedCompilation", "false"),
        new(ServerVariable, "0"),
        new("MSBUILDUSESERVER", "0"),
        new("MSBUILDDISABLENODEREUSE", "1"),
    ];

    /// <summary>
    /// For a command that asks for the MSBuild server and names no salt: a salt of the run's that no running command
    /// holds, in <paramref name="environment"/> until the lease is disposed.
    /// </summary>
    public static IDisposable? Lease(IDictionary<string, string?> environment)
    {
        if (!environment.TryGetValue(ServerVariable, out var server) || server != "1" || environment.ContainsKey(SaltVariable))
            return null;
        string salt;
        lock (FreeSalts)
        {
            if (FreeSalts.Count > 0)
            {
                salt = FreeSalts[^1];
                FreeSalts.RemoveAt(FreeSalts.Count - 1);
            }
            else
            {
                salt = $"{RunId}-{++_salts}";
            }
        }
        environment[SaltVariable] = salt;
        return new SaltLease(salt);
    }

    private sealed class SaltLease(string salt) : IDisposable
    {
        public void Dispose()
        {
            lock (FreeSalts)
                FreeSalts.Add(salt);
        }
    }

    /// <summary>
    /// Stops what the run's commands left running: its compiler (the pipe named after the run) and every process whose
    /// environment carries the run's compiler or MSBuild salt (its MSBuild servers and nodes, and a compiler a tool
    /// started on the default pipe from inside the run's build).
    /// </summary>
    public static void Stop()
    {
        foreach (var process in System.Diagnostics.Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    if (process.Id != System.Environment.ProcessId && IsTheRuns(process.Id))
                        process.Kill();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone already, or not ours to read.
                }
            }
        }
    }

    private static bool IsTheRuns(int processId) =>
        File.ReadAllText($"/proc/{processId}/cmdline").Split('\0').Contains("-pipename:" + RunId)
        || File.ReadAllText($"/proc/{processId}/environ").Split('\0')
            .Any(v => v == "SharedCompilationId=" + RunId || v.StartsWith($"{SaltVariable}={RunId}-", StringComparison.Ordinal));
}
