using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Settings;

/// <summary>
/// The settings the later steps read, each checked once by SlimValidateSettings before any work (before the compile
/// when dotnet publish builds) and written to obj/.../slim/settings.json. A step never parses these properties again.
/// </summary>
/// <param name="ImageNames">repository:tag for each tag (ContainerRepository, ContainerImageTag(s)); the first is the archive's.</param>
/// <param name="Registry">ContainerRegistry, trimmed; empty: nothing is pushed.</param>
/// <param name="RegistryTimeoutSeconds">SlimRegistryTimeout.</param>
/// <param name="PushTimeoutSeconds">SlimPushTimeout.</param>
/// <param name="MaxWastedBytes">SlimMaxWastedBytes; null: no limit.</param>
/// <param name="RaiseAllChecks">SlimChecksAsErrors=true.</param>
/// <param name="RaisedChecks">The check codes SlimChecksAsErrors names.</param>
internal sealed record SlimSettings(
    SizeProfile Profile,
    ImageFormat ImageFormat,
    IReadOnlyList<string> ImageNames,
    string Registry,
    double RegistryTimeoutSeconds,
    double PushTimeoutSeconds,
    long? MaxWastedBytes,
    bool RaiseAllChecks,
    IReadOnlyList<string> RaisedChecks)
{
    /// <summary>SlimBaseSource: what ContainerBaseImage=auto is assembled from, host (this machine's files) or packages (Debian packages pinned in a lock).</summary>
    public string BaseSource { get; init; } = "packages";

    /// <summary>SlimPackageLockFile, full path: the package base's lock (slim.packages.lock.json beside the project).</summary>
    public string PackageLockFile { get; init; } = "";

    /// <summary>SlimPackageMirror: the Debian archives to use instead of this machine's apt sources; empty: the apt sources.</summary>
    public string PackageMirror { get; init; } = "";

    /// <summary>SlimPackageKeyring: the OpenPGP keyring the archive's InRelease is checked with; empty: the machine's Debian archive keyring.</summary>
    public string PackageKeyring { get; init; } = "";

    /// <summary>SlimLockedMode: a package the lock lacks is an error and the lock is never written (CI).</summary>
    public bool LockedMode { get; init; }

    /// <summary>SlimCaCertificates: the certificates the package base trusts beyond Debian's bundle.</summary>
    public Image.Base.Packages.CaCertificateSetting CaCertificates { get; init; } = Image.Base.Packages.CaCertificateSetting.Default;

    /// <summary>SlimPackageAllowExpiredRelease: an InRelease past its Valid-Until is read anyway (a snapshot archive).</summary>
    public bool PackageAllowExpiredRelease { get; init; }

    public static SlimSettings Load(string path) =>
        File.Exists(path) ? StateFile.Load(path, "settings", SettingsStateJson.Default.SlimSettings)
        : throw new FileNotFoundException($"'{path}' is missing: SlimValidateSettings writes it before any step runs.", path);

    public void Save(string path) => StateFile.Save(path, this, SettingsStateJson.Default.SlimSettings);
}
