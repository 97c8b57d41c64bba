using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>
/// A .NET installation on the build machine (/usr/share/dotnet): its shared frameworks
/// (shared/&lt;name&gt;/&lt;version&gt;/), its hostfxr (host/fxr/&lt;version&gt;/libhostfxr.so) and the dotnet muxer.
/// </summary>
internal sealed class DotnetInstallation(string root)
{
    public const string NetCoreApp = "Microsoft.NETCore.App";

    public string Root { get; } = root;

    /// <summary>
    /// The installation this build runs on: DOTNET_ROOT, then the muxer running the build (DOTNET_HOST_PATH),
    /// then the dotnet on PATH, then the usual folders; the first that holds Microsoft.NETCore.App.
    /// </summary>
    /// <param name="tried">The folders looked at, for a message when none fits.</param>
    public static DotnetInstallation? OfThisMachine(out IReadOnlyList<string> tried)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
            candidates.Add(dotnetRoot);
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && RealPath.Of(hostPath) is { } host)
            candidates.Add(Path.GetDirectoryName(host)!);
        if (ToolLocator.Find("dotnet") is { } onPath && RealPath.Of(onPath) is { } muxer)
            candidates.Add(Path.GetDirectoryName(muxer)!);
        candidates.AddRange(["/usr/share/dotnet", "/usr/lib/dotnet"]);
        tried = candidates.Distinct(StringComparer.Ordinal).ToList();
        return tried.Where(c => Directory.Exists(Path.Combine(c, "shared", NetCoreApp))).Select(c => new DotnetInstallation(c)).FirstOrDefault();
    }

    /// <summary>The versions of <paramref name="framework"/> installed here, folders that are not versions skipped.</summary>
    public IReadOnlyList<FrameworkVersion> Versions(string framework)
    {
        var folder = Path.Combine(Root, "shared", framework);
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(d => FrameworkVersion.TryParse(Path.GetFileName(d))).OfType<FrameworkVersion>().Order().ToList()
            : [];
    }

    public string FrameworkFolder(string framework, FrameworkVersion version) => Path.Combine(Root, "shared", framework, version.ToString());

    /// <summary>host/fxr/&lt;highest version&gt;/libhostfxr.so: the one both the muxer and an apphost load.</summary>
    public string? HostFxr() =>
        Directory.Exists(Path.Combine(Root, "host", "fxr"))
            ? Directory.EnumerateDirectories(Path.Combine(Root, "host", "fxr"))
                .Select(d => (Version: FrameworkVersion.TryParse(Path.GetFileName(d)), File: Path.Combine(d, "libhostfxr.so")))
                .Where(f => f.Version is not null && File.Exists(f.File)).MaxBy(f => f.Version)!.File
            : null;

    public string Muxer => Path.Combine(Root, "dotnet");
}
