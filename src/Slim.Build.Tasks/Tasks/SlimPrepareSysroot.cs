using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Native;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// For a NativeAOT publish whose RID's architecture is not the build machine's (linux-arm64 on x64): the sysroot the
/// ILCompiler links against, from that architecture's Debian packages pinned in the lock's sysroot section
/// (<see cref="CrossSysroot"/>). Gives nothing for the machine's own architecture.
/// </summary>
public sealed class SlimPrepareSysroot : SlimTask
{
    /// <summary>RuntimeIdentifier: linux-arm64.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>$(NETCoreSdkPortableRuntimeIdentifier): the build machine's RID, linux-x64.</summary>
    public string HostRuntimeIdentifier { get; set; } = "";
    /// <summary>The validated settings (obj/.../slim/settings.json): the lock, mirror, keyring and locked mode.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    /// <summary>The project folder: where slim.packages.lock.json is by default.</summary>
    public string ProjectDirectory { get; set; } = "";
    /// <summary>SlimCacheDirectory: the per-user cache; the sysroot goes to its sysroots/ folder. Default $XDG_CACHE_HOME/slim or ~/.cache/slim.</summary>
    public string CacheDirectory { get; set; } = "";
    /// <summary>The sysroot folder, e.g. ~/.cache/slim/sysroots/3f2a…; empty for the machine's own architecture or after an error.</summary>
    [Output] public string SysRoot { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var target = RuntimeTarget.Parse(RuntimeIdentifier);
        var host = RuntimeTarget.Parse(string.IsNullOrWhiteSpace(HostRuntimeIdentifier) ? SettingsValidator.HostRuntimeIdentifier() : HostRuntimeIdentifier);
        if (!target.IsLinux || target.IsMusl || target.Architecture is not { } architecture || architecture == host.Architecture
            || DebianRelease.Architecture(architecture) is not { } debianArchitecture)
            return;
        var settings = PackageSettingsOf.From(SlimSettings.Load(SettingsFile), ProjectDirectory);
        var cacheRoot = RegistryBaseSource.CacheRoot(CacheDirectory, Environment.GetEnvironmentVariable);
        var cache = PackageCache.Under(cacheRoot);
        var sysroot = new CrossSysroot(settings, cache, new ArchiveDownloader(cache, SharedHttpClient.Instance, Cancellation), Path.Combine(cacheRoot, "sysroots"));
        SysRoot = sysroot.Prepare(debianArchitecture, RuntimeIdentifier.Trim(), diagnostics) ?? "";
    }
}
