namespace Slim.Build.Tasks.Files;

/// <summary>
/// A publish without a runtime identifier ships every RID's native assets under runtimes/&lt;rid&gt;/
/// (Microsoft.Data.Sqlite brings libe_sqlite3.so for arm, arm64, musl, s390x...); the host loads only
/// the folders of its own RID's fallback chain. The others are never loaded on the image's platform,
/// so what they link is no need of the app.
/// </summary>
internal static class RuntimeAssetFolders
{
    /// <param name="path">A path in the publish folder or the image, '/' separated, e.g. "runtimes/linux-arm64/native/libe_sqlite3.so" or "app/runtimes/...".</param>
    /// <param name="runtimeIdentifier">The platform the app runs on, e.g. "linux-x64" or "linux-musl-arm64"; empty matches every folder.</param>
    public static bool IsForOtherPlatform(string path, string runtimeIdentifier)
    {
        var parts = path.Split('/');
        var runtimes = Array.IndexOf(parts, "runtimes");
        if (runtimes < 0 || parts.Length < runtimes + 3 || FallbackChain(runtimeIdentifier) is not { } chain)
            return false;
        return !chain.Contains(parts[runtimes + 1], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the app's runtimeconfig.json turns on the host's old RID graph (System.Runtime.Loader.UseRidGraph):
    /// then the host also probes distribution RIDs (debian.12-x64, ...), and every runtimes/ folder may be one it loads.
    /// </summary>
    public static bool HostUsesRidGraph(string runtimeConfigFile)
    {
        try
        {
            using var config = RuntimeConfigJson.Parse(File.ReadAllText(runtimeConfigFile));
            return config.RootElement.TryGetProperty("runtimeOptions", out var options)
                   && options.TryGetProperty("configProperties", out var properties)
                   && properties.TryGetProperty("System.Runtime.Loader.UseRidGraph", out var value)
                   && (value.ValueKind == System.Text.Json.JsonValueKind.True
                       || value.ValueKind == System.Text.Json.JsonValueKind.String && bool.TryParse(value.GetString(), out var on) && on);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return File.Exists(runtimeConfigFile);
        }
    }

    /// <summary>
    /// The portable RIDs the host probes for <paramref name="runtimeIdentifier"/> (the SDK's PortableRuntimeIdentifierGraph.json:
    /// linux-x64 imports linux and unix-x64, linux-musl-x64 imports linux-musl and linux-x64), or null for one it does not know.
    /// </summary>
    public static IReadOnlyList<string>? FallbackChain(string runtimeIdentifier)
    {
        var parts = runtimeIdentifier.ToLowerInvariant().Split('-');
        return parts switch
        {
            ["linux", var arch] => [runtimeIdentifier, "linux", $"unix-{arch}", "unix", "any"],
            ["linux", "musl", var arch] => [runtimeIdentifier, "linux-musl", $"linux-{arch}", "linux", $"unix-{arch}", "unix", "any"],
            _ => null,
        };
    }
}
