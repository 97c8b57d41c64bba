using System.Reflection;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks;

/// <summary>
/// Names the file that holds the size of a plain publish made from this publish's inputs (<see cref="PlainPublishKey"/>),
/// in SlimCacheDirectory/plain-publish/ so that a clean publish of unchanged code finds the size an earlier one
/// measured; <see cref="Known"/> says whether it is there, so the plain publish runs only when it is not.
/// </summary>
public sealed class SlimPlainPublishKey : SlimTask
{
    /// <summary>ResolvedFileToPublish: every file the publish copies, with its NuGetPackageId and NuGetPackageVersion.</summary>
    public ITaskItem[] Files { get; set; } = [];
    /// <summary>Files a plain publish is made from, read whole: the compiled assembly, the project, Directory.Build.props, the assets file.</summary>
    public ITaskItem[] InputFiles { get; set; } = [];
    /// <summary>Name=Value settings that shape the plain publish, e.g. NETCoreSdkVersion=10.0.401, RuntimeIdentifier=linux-x64.</summary>
    public string[] Settings { get; set; } = [];
    /// <summary>SlimCacheDirectory; empty: $XDG_CACHE_HOME/slim or ~/.cache/slim.</summary>
    public string CacheDirectory { get; set; } = "";
    /// <summary>obj/.../slim/plain/: where the size is kept when the cache cannot be written.</summary>
    [Required] public string FallbackDirectory { get; set; } = "";

    /// <summary>The file that holds (or is to hold) the plain publish's size.</summary>
    [Output] public string SizeFile { get; set; } = "";
    /// <summary>True when <see cref="SizeFile"/> already holds a size measured from these very inputs.</summary>
    [Output] public bool Known { get; set; }

    private protected override void Run(IDiagnostics diagnostics)
    {
        var version = typeof(SlimPlainPublishKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        // Global properties (-p:..., Configuration) change what a publish makes just as the project does.
        IEnumerable<string> globals = (BuildEngine as IBuildEngine6)?.GetGlobalProperties().Select(p => $"global {p.Key}={p.Value}").Order(StringComparer.Ordinal).ToList() ?? [];
        var key = PlainPublishKey.Compute([$"Slim={version}", .. Settings, .. globals], InputFiles.Select(f => f.GetMetadata("FullPath")),
            Files.Select(f => new PlainPublishInput(f.GetMetadata("RelativePath"), f.GetMetadata("FullPath"),
                f.GetMetadata("NuGetPackageId") is { Length: > 0 } id ? $"{id}/{f.GetMetadata("NuGetPackageVersion")}" : "")));
        var cache = string.IsNullOrWhiteSpace(CacheDirectory) ? LayerCache.UserDirectory() is { } layers ? Path.GetDirectoryName(layers) : null : CacheDirectory.Trim();
        var folder = cache is not null && WritableFolder.WhyNot(Path.Combine(cache, "plain-publish")) is null ? Path.Combine(cache, "plain-publish") : FallbackDirectory;
        SizeFile = Path.Combine(folder, key + ".json");
        Known = PlainPublishSize.Load(SizeFile) is not null;
        diagnostics.Detail(Known ? $"Slim: the plain publish of these inputs was measured before: {SizeFile}" : $"Slim: no plain publish of these inputs measured yet ({SizeFile})");
    }
}
