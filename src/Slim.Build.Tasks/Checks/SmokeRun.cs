using System.Diagnostics;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// SlimSmokeRun: loads the archive into podman (or docker) and runs the image as its user, the way the Go guides'
/// migration checklist verifies an image. An image without exposed ports is a console app: it must exit 0. One
/// with ports is a service: it must stay up, answer HTTP on its first port (SlimHealthPath, or /), and exit 0
/// within the grace period of <c>stop</c> (SIGTERM). Each outcome is a check with its evidence.
/// </summary>
/// <param name="engine">The podman or docker executable.</param>
/// <param name="engineArguments">Global options put before each command, e.g. podman's --storage-driver vfs.</param>
/// <param name="runArguments">Options added to <c>run</c>.</param>
/// <param name="cleanup">Runs the removal of the service's container; not cancelled, so a cancelled build leaves none behind. Default: <paramref name="runner"/>.</param>
internal sealed class SmokeRun(IToolRunner runner, string engine, IReadOnlyList<string> engineArguments, IReadOnlyList<string> runArguments,
    IToolRunner? cleanup = null)
{
    public const int StartSeconds = 30;
    public const int GraceSeconds = 10;
    private const int LogLines = 5;

    /// <summary>
    /// Null when the engine can run containers here; otherwise what its <c>info</c> said (a docker CLI with no daemon,
    /// a podman whose storage cannot be used), so a broken engine is never reported as the image failing.
    /// </summary>
    public string? EngineProblem()
    {
        var info = Engine(["info"]);
        return info.ExitCode == 0 ? null : $"'{engine} info' exited {info.ExitCode}: {Last(info.Output)}";
    }

    public IReadOnlyList<(string Name, SlimDiagnostic Diagnostic, CheckFinding Finding)> Run(string archive, ImageRunSettings run, string healthPath)
    {
        var load = Engine(["load", "-i", archive]);
        var image = load.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("Loaded image", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':') + 1)..].Trim().Split(',')[0].Trim() : null;
        if (load.ExitCode != 0 || image is null)
            return [("smoke-start", SlimDiagnostics.SmokeRunConsoleFailed,
                CheckFinding.Fail($"{engine} load failed (exit code {load.ExitCode}).", [Last(load.Output)], archive, load.ExitCode, Last(load.Output)))];
        return run.Ports.Count == 0 ? [Console(image)] : Service(image, run.Ports[0], healthPath);
    }

    private (string, SlimDiagnostic, CheckFinding) Console(string image)
    {
        var result = Engine(["run", "--rm", "--network", "none", .. runArguments, image]);
        var evidence = new[] { $"{engine} run {image}: exit code {result.ExitCode}", "last log lines: " + Last(result.Output) };
        return ("smoke-console-exit", SlimDiagnostics.SmokeRunConsoleFailed, result.ExitCode == 0
            ? CheckFinding.Pass($"The image ran as its user and exited 0.", evidence)
            : CheckFinding.Fail($"The image exited with code {result.ExitCode}.", evidence, image, result.ExitCode, Last(result.Output)));
    }

    private IReadOnlyList<(string, SlimDiagnostic, CheckFinding)> Service(string image, int port, string healthPath)
    {
        var name = "slim-smoke-" + Guid.NewGuid().ToString("N")[..8];
        var path = string.IsNullOrWhiteSpace(healthPath) ? "/" : "/" + healthPath.Trim().TrimStart('/');
        var url = $"http://127.0.0.1:{port}{path}";
        try
        {
            var started = Engine(["run", "-d", "--name", name, "--network", "host", .. runArguments, image]);
            bool Running() => Engine(["inspect", "-f", "{{.State.Running}}", name]).StandardOutput.Trim() == "true";
            var answer = started.ExitCode == 0 ? WaitForHttp(url, Running) : null;
            var running = Running();
            var upEvidence = new List<string> { $"{engine} run -d {image}: exit code {started.ExitCode}", $"GET {url}: {answer ?? "no answer"}", $"running: {running}" };
            if (running)
                upEvidence.Add("process user: " + ProcessUser(name));
            var ok = answer is not null && running && (string.IsNullOrWhiteSpace(healthPath) || answer.StartsWith('2'));
            var up = ok ? CheckFinding.Pass($"The service stayed up and answered {url} ({answer}).", upEvidence)
                : CheckFinding.Fail($"The service did not answer {url} while running.", [.. upEvidence, "last log lines: " + Logs(name)],
                    image, Outcome(url, answer, running), Logs(name));
            if (!running)
                return [("smoke-service-up", SlimDiagnostics.SmokeRunServiceDown, up)];

            var clock = Stopwatch.StartNew();
            Engine(["stop", "-t", GraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), name]);
            var seconds = clock.Elapsed.TotalSeconds;
            var exit = Engine(["inspect", "-f", "{{.State.ExitCode}}", name]).StandardOutput.Trim();
            var stopEvidence = new[] { $"exit code {exit} {seconds:0.0} s after SIGTERM (grace {GraceSeconds} s)", "last log lines: " + Logs(name) };
            var stop = exit == "0" && seconds < GraceSeconds
                ? CheckFinding.Pass($"On SIGTERM the service exited 0 in {seconds:0.0} s.", stopEvidence)
                : CheckFinding.Fail($"On SIGTERM the service exited {exit} after {seconds:0.0} s.", stopEvidence, image, GraceSeconds, exit, seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            return [("smoke-service-up", SlimDiagnostics.SmokeRunServiceDown, up), ("smoke-service-stop", SlimDiagnostics.SmokeRunStopFailed, stop)];
        }
        finally
        {
            (cleanup ?? runner).Run(engine, [.. engineArguments, "rm", "-f", name]);
        }
    }

    /// <summary>What went wrong, for SLIM7021: a service that exited at once never had the 30 seconds to answer.</summary>
    private static string Outcome(string url, string? answer, bool running) => (answer, running) switch
    {
        (null, false) => $"stopped before it answered {url}",
        (null, true) => $"did not answer {url} within {StartSeconds} seconds",
        (_, false) => $"answered {url} with {answer}, then stopped",
        _ => $"answered {url} with {answer}",
    };

    /// <summary>The status code of the first answer, or null when none came in time or the container stopped.</summary>
    private static string? WaitForHttp(string url, Func<bool> running)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(StartSeconds);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = http.GetAsync(url).GetAwaiter().GetResult();
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (!running())
                    return null;
                Thread.Sleep(500);
            }
        }
        return null;
    }

    /// <summary>The user the engine sees the service's process run as ("app", or a bare uid), from <c>top</c>.</summary>
    private string ProcessUser(string name)
    {
        var top = Engine(["top", name, "user"]);
        var lines = top.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return top.ExitCode == 0 && lines.Length > 1 ? string.Join(", ", lines.Skip(1).Distinct()) : $"unknown ({engine} top: exit code {top.ExitCode})";
    }

    private string Logs(string name) => Last(Engine(["logs", "--tail", LogLines.ToString(System.Globalization.CultureInfo.InvariantCulture), name]).Output);

    private static string Last(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(LogLines));

    private ToolResult Engine(IReadOnlyList<string> arguments) => runner.Run(engine, [.. engineArguments, .. arguments]);
}
