using System.Diagnostics;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>Runs a host tool (tar, skopeo, podman) and returns its output; a non-zero exit fails the test with the output.</summary>
internal static class Tool
{
    public static string Run(string tool, params string[] arguments) => Run(tool, null, arguments);

    public static string Run(string tool, IDictionary<string, string>? environment, params string[] arguments)
    {
        var (exitCode, output) = TryRun(tool, environment, arguments);
        if (exitCode != 0)
            Assert.Fail($"{tool} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    public static (int ExitCode, string Output) TryRun(string tool, IDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public static bool Installed(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
