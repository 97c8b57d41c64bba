using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Prune;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>
/// Plans the layer a framework-dependent app's shared runtime goes in: the frameworks its runtimeconfig.json
/// names (and those they name in turn: Microsoft.AspNetCore.App names Microsoft.NETCore.App), each at the
/// installed version the host would roll forward to, copied from this machine's .NET installation to
/// /usr/share/dotnet as the official images place it, with the highest hostfxr, and the dotnet muxer linked
/// from /usr/bin/dotnet when the entrypoint runs "dotnet". DOTNET_ROOT points an apphost there.
/// </summary>
/// <param name="pruneRuntimePieces">SlimPruneRuntimePieces: leave out createdump, the debugger's libraries, the standalone GCs and the LTTng provider, as a self-contained publish does.</param>
/// <param name="librariesByName">Another architecture's runtime: this machine's folders hold none of the system libraries it links, so
/// each becomes a need by name, for the base to provide (the package base takes them from that architecture's packages).</param>
internal sealed class SharedRuntimeLayer(DotnetInstallation? installation, IReadOnlyList<string> triedInstallations, IReadOnlyList<string> systemFolders, bool pruneRuntimePieces,
    bool librariesByName = false)
{
    public const string ImageRoot = "usr/share/dotnet";
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static SharedRuntimeLayer OfThisMachine(bool pruneRuntimePieces) =>
        new(DotnetInstallation.OfThisMachine(out var tried), tried, SystemLibraryFolders.OfThisMachine(), pruneRuntimePieces);

    /// <summary>
    /// This machine's installation for its own architecture; for another (ContainerRuntimeIdentifiers), one laid out
    /// in <paramref name="workDirectory"/> from that RID's runtime packs in NuGet's package folder.
    /// </summary>
    public static SharedRuntimeLayer For(string runtimeIdentifier, string? nugetPackageRoot, string workDirectory, bool pruneRuntimePieces)
    {
        if (RuntimeTarget.Parse(runtimeIdentifier).Architecture is not { } architecture || architecture == System.Runtime.InteropServices.RuntimeInformation.OSArchitecture
            || string.IsNullOrEmpty(nugetPackageRoot))
            return OfThisMachine(pruneRuntimePieces);
        var folder = Path.Combine(workDirectory, "runtime-packs", runtimeIdentifier.ToLowerInvariant());
        var installation = RuntimePackInstallation.Create(nugetPackageRoot, runtimeIdentifier, folder);
        return new(installation, [Path.Combine(nugetPackageRoot, $"microsoft.netcore.app.runtime.{runtimeIdentifier.ToLowerInvariant()}")], SystemLibraryFolders.OfThisMachine(), pruneRuntimePieces,
            librariesByName: true);
    }

    /// <param name="runtimeConfig">The publish folder's &lt;app&gt;.runtimeconfig.json.</param>
    /// <param name="needsMuxer">The entrypoint runs "dotnet" (the default for this profile) rather than the apphost.</param>
    /// <returns>Null after reporting why: no runtimeconfig, no installation, or no installed version that fits.</returns>
    public SharedRuntime? Plan(string runtimeConfig, bool needsMuxer, IDiagnostics diagnostics)
    {
        IReadOnlyList<FrameworkReference> references;
        try
        {
            references = FrameworkReference.Read(File.ReadAllText(runtimeConfig));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            diagnostics.Error(SlimDiagnostics.FrameworkRuntimeConfigUnreadable, runtimeConfig, e.Message);
            return null;
        }
        if (references.Count == 0)
        {
            diagnostics.Error(SlimDiagnostics.FrameworkRuntimeConfigUnreadable, runtimeConfig, "it names no framework");
            return null;
        }
        if (installation is null)
        {
            diagnostics.Error(SlimDiagnostics.FrameworkRuntimeNoInstallation, string.Join(", ", references.Select(r => r.Name)), string.Join(", ", triedInstallations));
            return null;
        }

        var frameworks = Resolve(references, installation, diagnostics);
        if (frameworks is null)
            return null;
        var files = new List<(string ImagePath, string HostPath)>();
        foreach (var framework in frameworks)
        {
            var folder = installation.FrameworkFolder(framework.Name, framework.Version);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (pruneRuntimePieces && framework.Name == DotnetInstallation.NetCoreApp && PruneRules.RuntimePieces.Contains(relative, StringComparer.Ordinal))
                    continue;
                files.Add(($"{ImageRoot}/shared/{framework.Name}/{framework.Version}/{relative}", file));
            }
        }
        if (installation.HostFxr() is { } hostFxr)
            files.Add(($"{ImageRoot}/host/fxr/{Path.GetFileName(Path.GetDirectoryName(hostFxr))}/libhostfxr.so", hostFxr));
        else
        {
            diagnostics.Error(SlimDiagnostics.AutoBaseLibraryMissing, "libhostfxr.so", "the .NET host (an apphost or dotnet loads it)", Path.Combine(installation.Root, "host", "fxr"));
            return null;
        }
        foreach (var notice in new[] { "LICENSE.txt", "ThirdPartyNotices.txt" })
            if (File.Exists(Path.Combine(installation.Root, notice)))
                files.Add(($"{ImageRoot}/{notice}", Path.Combine(installation.Root, notice)));
        var entries = new List<LayerEntry>();
        if (needsMuxer)
        {
            files.Add(($"{ImageRoot}/dotnet", installation.Muxer));
            entries.Add(LayerEntry.Link("usr/bin/dotnet", "/" + ImageRoot + "/dotnet"));
        }

        var closure = LibraryClosure.Resolve(files.Select(f => f.HostPath).Where(IsNative), systemFolders);
        if (!librariesByName)
            foreach (var unresolved in closure.Unresolved)
                diagnostics.Error(SlimDiagnostics.AutoBaseLibraryMissing, unresolved.SoName, string.Join(", ", unresolved.NeededBy), "the loader's folders");
        if (diagnostics.HasErrors)
            return null;
        entries.AddRange(files.Select(f => LayerEntry.FromFile(f.ImagePath, IO.RealPath.Of(f.HostPath) ?? f.HostPath, IsExecutable(f.HostPath))));
        var hostLibraries = closure.FromHost.Select(l => new NativeLibraryNeed(l.SoName, false, l.Path, l.Size, l.NeededBy))
            .Concat(librariesByName ? closure.Unresolved.Select(u => new NativeLibraryNeed(u.SoName, false, null, null, [.. u.NeededBy])) : []).ToList();
        return new SharedRuntime(LayerTree.Complete(entries), frameworks, hostLibraries,
            [("DOTNET_ROOT", "/" + ImageRoot), ("PATH", DefaultPath)]);
    }

    /// <summary>Each framework named, and each one those name, at the version the host picks; the highest when named twice.</summary>
    private static List<ResolvedFramework>? Resolve(IReadOnlyList<FrameworkReference> references, DotnetInstallation installation, IDiagnostics diagnostics)
    {
        var resolved = new Dictionary<string, ResolvedFramework>(StringComparer.Ordinal);
        var pending = new Queue<FrameworkReference>(references);
        while (pending.TryDequeue(out var reference))
        {
            var installed = installation.Versions(reference.Name);
            if (RollForward.Select(reference.Version, installed, reference.RollForward, reference.ApplyPatches) is not { } version)
            {
                diagnostics.Error(SlimDiagnostics.FrameworkRuntimeMissing, reference.Name, reference.Version.ToString(), reference.RollForward.ToString(),
                    installation.Root, installed.Count == 0 ? "none" : string.Join(", ", installed));
                return null;
            }
            if (resolved.TryGetValue(reference.Name, out var known) && known.Version.CompareTo(version) >= 0)
                continue;
            resolved[reference.Name] = new ResolvedFramework(reference.Name, version);
            var own = Path.Combine(installation.FrameworkFolder(reference.Name, version), reference.Name + ".runtimeconfig.json");
            if (File.Exists(own))
                foreach (var inner in FrameworkReference.Read(File.ReadAllText(own)))
                    pending.Enqueue(inner);
        }
        return [.. resolved.Values.OrderBy(f => f.Name == DotnetInstallation.NetCoreApp ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static bool IsNative(string path) => path.EndsWith(".so", StringComparison.Ordinal) || !Path.HasExtension(path);

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
