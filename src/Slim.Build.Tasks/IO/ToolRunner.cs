using System.Diagnostics;

namespace Slim.Build.Tasks.IO;

/// <summary>The outcome of running a host tool.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => (StandardError + "\n" + StandardOutput).Trim();
}

/// <summary>Runs host tools (strip, upx); tests swap in a fake.</summary>
internal interface IToolRunner
{
    ToolResult Run(string tool, IReadOnlyList<string> arguments);
}

/// <param name="cancellation">The build's cancellation: the tool (and what it started) is killed at once.</param>
internal sealed class ToolRunner(TimeSpan timeout, CancellationToken cancellation = default) : IToolRunner
{
    public ToolRunner() : this(TimeSpan.FromMinutes(5)) { }

    public ToolResult Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(50))
        {
            if (cancellation.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                cancellation.ThrowIfCancellationRequested();
            }
            if (clock.Elapsed < timeout)
                continue;
            process.Kill(entireProcessTree: true);
            return new ToolResult(-1, stdout.Result, $"timed out after {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
