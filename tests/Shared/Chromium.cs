using System.Diagnostics;

namespace Slim.Tests.Shared;

/// <summary>
/// Debian's headless chromium (build/bootstrap.sh installs it), run on a page from file:// with a fresh
/// profile. Missing chromium skips the test loudly on a developer machine and fails it under CI=true.
/// </summary>
internal static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("SLIM_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";

    public static void RequireOrSkip()
    {
        if (File.Exists(Path))
            return;
        var message = $"chromium is not at {Path}: the HTML report is not checked in a browser. Run build/bootstrap.sh (or set SLIM_CHROMIUM).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Console.Error.WriteLine("SKIPPED: " + message);
        Assert.Inconclusive(message);
    }

    /// <summary>The DOM after the page's scripts ran, and chromium's log, where console messages and uncaught errors land.</summary>
    public static (string Dom, string Log) DumpDom(string htmlFile)
    {
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slim-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(profile);
        try
        {
            return Run(htmlFile, profile);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Chromium logs every console message and uncaught error of the page as a CONSOLE line (console.error too, at INFO).</summary>
    public static List<string> ConsoleLines(string log) => log.Split('\n').Where(l => l.Contains(":CONSOLE")).ToList();

    private static (string Dom, string Log) Run(string htmlFile, string profile)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={profile}", "--window-size=1280,1600", "--virtual-time-budget=5000", "--dump-dom",
                     new Uri(htmlFile).AbsoluteUri })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within 90 s on {htmlFile}; log so far:\n{log.Result}");
        }
        Assert.AreEqual(0, process.ExitCode, $"chromium exited with {process.ExitCode}:\n{log.Result}");
        return (dom.Result, log.Result);
    }
}
