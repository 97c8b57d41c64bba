using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>One layer's worth of entries and what it holds, for the config's history and the report.</summary>
/// <param name="MachineWide">Made from this machine's files only (the auto base, the shared runtime): its blob may be shared by every project.</param>
internal sealed record PlannedLayer(string Holds, IReadOnlyList<LayerEntry> Entries, bool MachineWide = false);

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
    public static IReadOnlyList<PlannedLayer> Plan(string publishDirectory, IReadOnlyDictionary<string, FileOrigin> origins, string workingDirectory, string? ownFilesList = null)
    {
        var groups = new Dictionary<string, List<LayerEntry>> { ["runtime"] = [], ["packages"] = [], ["app"] = [] };
        foreach (var relative in PublishFolder.RelativeFiles(publishDirectory, ownFilesList))
        {
            var file = Path.Combine(publishDirectory, relative);
            var origin = origins.TryGetValue(relative, out var known) ? known : FileOrigin.App;
            var layer = origin switch { FileOrigin.Runtime => "runtime", FileOrigin.Package => "packages", _ => "app" };
            groups[layer].Add(LayerEntry.FromFile(workingDirectory.TrimEnd('/') + "/" + relative, file, IsExecutable(file)));
        }
        return groups.Where(g => g.Value.Count > 0).Select(g => new PlannedLayer(g.Key, g.Value)).ToList();
    }

    /// <summary>Programs keep 0755 (an ELF with an interpreter, or a file the SDK marked executable); everything else is 0644.</summary>
    private static bool IsExecutable(string file)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0)
            return true;
        return ElfFile.TryRead(file) is { HasInterpreter: true };
    }
}
