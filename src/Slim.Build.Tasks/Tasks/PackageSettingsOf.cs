using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>The package settings of the validated settings: the lock (SlimPackageLockFile, else slim.packages.lock.json in the project folder), mirror, keyring, locked mode.</summary>
internal static class PackageSettingsOf
{
    public static PackageSettings From(SlimSettings settings, string projectDirectory) =>
        new(settings.PackageLockFile.Length > 0 ? settings.PackageLockFile
                : Path.Combine(string.IsNullOrEmpty(projectDirectory) ? Directory.GetCurrentDirectory() : projectDirectory, PackageLock.FileName),
            settings.PackageMirror, settings.PackageKeyring, settings.LockedMode)
        { CaCertificates = settings.CaCertificates, AllowExpiredRelease = settings.PackageAllowExpiredRelease };
}
