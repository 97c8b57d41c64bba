using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks;

/// <summary>
/// Moves every package slim.packages.lock.json pins to the archive's newest version (security updates), verified as a
/// publish verifies, and prints one line naming what changed. The lock is written once, at the end, and only when a
/// package moved. SlimLockedMode does not apply: updating the lock is the explicit act that mode guards against.
/// </summary>
public sealed class SlimUpdatePackageLock : SlimTask
{
    /// <summary>SlimPackageLockFile: the lock to update, e.g. /src/app/slim.packages.lock.json.</summary>
    public string PackageLockFile { get; set; } = "";
    /// <summary>SlimPackageMirror: ';'-separated Debian archive URLs, each optionally followed by its suites; empty: this machine's apt sources.</summary>
    public string PackageMirror { get; set; } = "";
    /// <summary>SlimPackageKeyring: the keyring InRelease is checked with; empty: apt's Signed-By, else the Debian archive keyring.</summary>
    public string PackageKeyring { get; set; } = "";
    /// <summary>SlimPackageAllowExpiredRelease: true reads an InRelease past its Valid-Until (a snapshot archive).</summary>
    public bool PackageAllowExpiredRelease { get; set; }
    /// <summary>SlimCacheDirectory: the per-user cache the .deb files go to (its packages/ folder); default $XDG_CACHE_HOME/slim or ~/.cache/slim.</summary>
    public string CacheDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (AptSources.FirstInvalidMirror(PackageMirror) is { } mirror)
        {
            diagnostics.Error(SlimDiagnostics.InvalidPackageMirror, PackageMirror, mirror);
            return;
        }
        var lockFile = Path.GetFullPath(string.IsNullOrWhiteSpace(PackageLockFile) ? PackageLock.FileName : PackageLockFile.Trim());
        var settings = new PackageSettings(lockFile, PackageMirror.Trim(), PackageKeyring.Trim()) { AllowExpiredRelease = PackageAllowExpiredRelease };
        var cache = PackageCache.Under(RegistryBaseSource.CacheRoot(CacheDirectory, Environment.GetEnvironmentVariable));
        var update = PackageLockUpdater.Update(settings, cache, new ArchiveDownloader(cache, SharedHttpClient.Instance, Cancellation));
        if (update is null)
        {
            diagnostics.Info($"Slim: there is no {lockFile} to update: a publish with SlimBaseSource=packages writes it.");
            return;
        }
        if (update.Changed)
            AtomicFile.WriteAllText(lockFile, update.Updated.ToJson());
        diagnostics.Info("Slim: " + update.Summary(Path.GetFileName(lockFile)));
    }
}
