namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>The settings of the package base.</summary>
/// <param name="LockFile">SlimPackageLockFile: slim.packages.lock.json beside the project.</param>
/// <param name="Mirror">SlimPackageMirror: archives to use instead of this machine's apt sources; empty: the apt sources.</param>
/// <param name="Keyring">SlimPackageKeyring: the keyring InRelease is checked with, before the one apt's source names (Signed-By); empty: that one, else the machine's Debian archive keyring.</param>
/// <param name="LockedMode">SlimLockedMode: a package the lock lacks is an error, and the lock is never written.</param>
internal sealed record PackageSettings(string LockFile, string Mirror = "", string Keyring = "", bool LockedMode = false)
{
    /// <summary>SlimCaCertificates: what the image trusts beyond Debian's CA bundle.</summary>
    public CaCertificateSetting CaCertificates { get; init; } = CaCertificateSetting.Default;

    public const string DebianKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    /// <summary>SlimPackageAllowExpiredRelease: an InRelease past its Valid-Until is read anyway (a snapshot archive's releases are old by design).</summary>
    public bool AllowExpiredRelease { get; init; }

    public string KeyringPath => string.IsNullOrWhiteSpace(Keyring) ? DebianKeyring : Keyring.Trim();
}
