using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>One layer's worth of entries and what it holds, for the config's history and the report.</summary>
/// <param name="MachineWide">Made from this machine's files only (the auto base, the shared runtime): its blob may be shared by every project.</param>
/// <param name="KeptPerUser">The project's files that change rarely (its runtime, its NuGet packages): its blob is kept in the per-user
/// cache too, so a clean publish does not compress it again (<see cref="LayerCache"/>).</param>
internal sealed record PlannedLayer(string Holds, IReadOnlyList<LayerEntry> Entries, bool MachineWide = false, bool KeptPerUser = false);

/// <summary>
/// Splits the publish folder into layers that cache the way Jib's do: what changes rarely first (the runtime,
/// then NuGet packages' files), the app's own files last, so a one-line code change re-uploads only the app
/// layer. An empty layer is left out (a NativeAOT app is one file: one app layer).
/// </summary>
internal static class AppLayers
{
    /// <param name="origins">Each published file's origin (the ledger's publish step); files not in it count as the app's.</param>
    /// <param name="workingDirectory">Where the files go in the image, e.g. /app.</param>
    /// <param name="ownFilesList">obj/.../slim/own-files.txt when the publish folder is shared by several projects (<see cref="PublishFolder"/>).</param>
    /// <param name="leftOut">The files the image leaves out (<see cref="OtherPlatformFiles"/>); null: none.</param>
    public static IReadOnlyList<PlannedLayer> Plan(string publishDirectory, IReadOnlyDictionary<string, FileOrigin> origins, string workingDirectory, string? ownFilesList = null,
        IReadOnlySet<string>? leftOut = null)
    {
        var groups = new Dictionary<string, List<LayerEntry>> { ["runtime"] = [], ["packages"] = [], ["app"] = [] };
        foreach (var relative in PublishFolder.RelativeFiles(publishDirectory, ownFilesList))
        {
            if (leftOut?.Contains(relative) == true)
                continue;
            var file = Path.Combine(publishDirectory, relative);
            var origin = origins.TryGetValue(relative, out var known) ? known : FileOrigin.App;
            var layer = origin switch { FileOrigin.Runtime => "runtime", FileOrigin.Package => "packages", _ => "app" };
            groups[layer].Add(LayerEntry.FromFile(workingDirectory.TrimEnd('/') + "/" + relative, file, IsExecutable(file)));
        }
        return groups.Where(g => g.Value.Count > 0).Select(g => new PlannedLayer(g.Key, g.Value, KeptPerUser: g.Key != "app")).ToList();
    }

    /// <summary>
    /// A publish without a runtime identifier ships every platform's runtimes/&lt;rid&gt;/ folder; the image's host
    /// loads only those of its own RID's fallback chain (<see cref="RuntimeAssetFolders"/>), so the others are left out
    /// of the image (the publish folder keeps them). None are when the app turns on the old RID graph, whose
    /// distribution RIDs may name any folder.
    /// </summary>
    /// <param name="runtimeConfigFile">publish/&lt;App&gt;.runtimeconfig.json; a self-contained or NativeAOT app's may not exist.</param>
    public static IReadOnlySet<string> OtherPlatformFiles(string publishDirectory, string? ownFilesList, string runtimeIdentifier, string runtimeConfigFile) =>
        RuntimeAssetFolders.HostUsesRidGraph(runtimeConfigFile)
            ? new HashSet<string>()
            : PublishFolder.RelativeFiles(publishDirectory, ownFilesList).Where(f => RuntimeAssetFolders.IsForOtherPlatform(f, runtimeIdentifier)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Programs keep 0755 (an ELF with an interpreter, or a file the SDK marked executable); everything else is 0644.</summary>
    private static bool IsExecutable(string file)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0)
            return true;
        return ElfFile.TryRead(file) is { HasInterpreter: true };
    }
}
