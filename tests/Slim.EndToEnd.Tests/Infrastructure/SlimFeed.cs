namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs both Slim packages once per test run, with a version no NuGet cache has seen, into a
/// private feed; every app of the run restores from it with its own package cache.
/// </summary>
internal static class SlimFeed
{
    private static readonly Lazy<(string Feed, string Version)> Packed = new(Pack);

    /// <summary>What the checkout's pack reads: the source projects and the files above them they import.</summary>
    private static readonly string[] Sources = ["src", "Directory.Build.props", "global.json", "NuGet.config", "README.md"];

    public static string RunRoot { get; } = Path.Combine(Path.GetTempPath(), "slim-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + System.Environment.ProcessId);
    public static string PackagesCache => Path.Combine(RunRoot, "nuget-packages");
    public static string Feed => Packed.Value.Feed;
    public static string Version => Packed.Value.Version;

    /// <summary>The checkout as it was before the run packed it: PackageContentsTests compares it with the checkout after.</summary>
    public static CheckoutSnapshot? BeforePack { get; private set; }

    /// <summary>
    /// Packs a copy of the sources under the run's folder: packing in the checkout would restore and rebuild its
    /// projects with the run's version (rewriting every obj/project.assets.json and bin/ under src).
    /// </summary>
    private static (string, string) Pack()
    {
        BeforePack = CheckoutSnapshot.Take();
        var source = Path.Combine(RunRoot, "source");
        foreach (var entry in Sources)
            CopyWithoutBuildOutput(Path.Combine(Repository.Root, entry), Path.Combine(source, entry));
        var feed = Path.Combine(RunRoot, "feed");
        Directory.CreateDirectory(feed);
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        // The machine's own package cache: the checkout's build already restored these packages there.
        var environment = Environment();
        environment.Remove("NUGET_PACKAGES");
        foreach (var project in new[] { "src/Slim.Build.Tasks/Slim.Build.Tasks.csproj", "src/Slim.Sdk/Slim.Sdk.csproj" })
        {
            var result = ProcessRunner.Run("dotnet", ["pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version], source, environment);
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"dotnet pack {project} failed:\n" + result.Output);
        }
        return (feed, version);
    }

    private static void CopyWithoutBuildOutput(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        var name = Path.GetFileName(from);
        if (name is "bin" or "obj")
            return;
        Directory.CreateDirectory(to);
        foreach (var child in Directory.EnumerateFileSystemEntries(from))
            CopyWithoutBuildOutput(child, Path.Combine(to, Path.GetFileName(child)));
    }

    /// <summary>
    /// The environment every dotnet command of the run gets: its own package cache and Slim cache ($XDG_CACHE_HOME:
    /// layers and pulled bases, never the user's ~/.cache/slim), the tests' podman store for a smoke run, the run's
    /// build servers (BuildServers), no telemetry, no first-run noise.
    /// </summary>
    public static Dictionary<string, string> Environment() => new(PodmanStore.ConfigurationEnvironment().Concat(BuildServers.Environment()))
    {
        ["NUGET_PACKAGES"] = PackagesCache,
        ["XDG_CACHE_HOME"] = Path.Combine(RunRoot, "cache"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // Plain console output: the terminal logger would hide Slim's summary lines.
        ["MSBUILDTERMINALLOGGER"] = "off",
        ["GITHUB_STEP_SUMMARY"] = "",
    };
}
