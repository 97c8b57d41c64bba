namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs both Slim packages once per test run, with a version no NuGet cache has seen, into a
/// private feed; every app of the run restores from it with its own package cache.
/// </summary>
internal static class SlimFeed
{
    private static readonly Lazy<(string Feed, string Version)> Packed = new(Pack);

    public static string RunRoot { get; } = Path.Combine(Path.GetTempPath(), "slim-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + System.Environment.ProcessId);
    public static string PackagesCache => Path.Combine(RunRoot, "nuget-packages");
    public static string Feed => Packed.Value.Feed;
    public static string Version => Packed.Value.Version;

    private static (string, string) Pack()
    {
        var feed = Path.Combine(RunRoot, "feed");
        Directory.CreateDirectory(feed);
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var result = ProcessRunner.Run("dotnet", ["pack", "Slim.Build.sln", "-c", "Release", "-o", feed, "-p:Version=" + version],
            Repository.Root, Environment());
        if (result.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
        return (feed, version);
    }

    /// <summary>The environment every dotnet command of the run gets: its own package cache, no telemetry, no first-run noise.</summary>
    public static Dictionary<string, string> Environment() => new()
    {
        ["NUGET_PACKAGES"] = PackagesCache,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // Plain console output: the terminal logger would hide Slim's summary lines.
        ["MSBUILDTERMINALLOGGER"] = "off",
        ["GITHUB_STEP_SUMMARY"] = "",
    };
}
