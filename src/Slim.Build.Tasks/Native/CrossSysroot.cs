using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Native;

/// <summary>
/// What a NativeAOT link for another architecture links against: the target's C library, its startup files and
/// libgcc, from Debian's packages for that architecture, taken through the package base's machinery (the same
/// archive, the same signature and hash checks, the same cache), pinned in the lock's own <c>sysroot</c> section
/// and assembled into a folder of the per-user cache named by their hashes (<see cref="SysrootFolder"/>).
/// </summary>
internal sealed class CrossSysroot(PackageSettings settings, PackageCache cache, ArchiveDownloader downloader, string sysrootsRoot)
{
    /// <summary>
    /// Measured: the link of a console and a web app needs only these (crt1.o, libc.so and libc_nonshared.a, libm, libdl,
    /// librt, libpthread, crtbegin/crtend, libgcc, libgcc_s). The runtime pack brings zlib and brotli; OpenSSL and ICU are
    /// loaded at run time, not linked; no C source is compiled, so no headers are needed.
    /// </summary>
    public static readonly IReadOnlyList<string> Packages = ["libc6", "libc6-dev", "libgcc-12-dev", "libgcc-s1"];

    /// <summary>The sysroot folder for <paramref name="debianArchitecture"/> (arm64), made when the cache lacks it; null after an error.</summary>
    public string? Prepare(string debianArchitecture, string runtimeIdentifier, IDiagnostics diagnostics)
    {
        try
        {
            var lockFile = PackageLock.ReadOrFail(settings.LockFile);
            // The fetcher reads pins from Packages: give it the sysroot section, so the base's pins never serve the sysroot or the reverse.
            var pins = lockFile is null ? null : lockFile with { Packages = lockFile.Sysroot ?? [] };
            var archive = DebianArchive.Open(settings, debianArchitecture, downloader);
            var fetcher = new PackageFetcher(pins, archive, cache, downloader, debianArchitecture, settings.LockedMode, settings.LockFile);
            var need = $"the NativeAOT sysroot for {runtimeIdentifier}";
            var contents = Packages.Select(name => fetcher.Get(name, need)).ToList();
            var taken = fetcher.Taken;
            if (!settings.LockedMode)
                WriteLock(lockFile, taken, debianArchitecture, archive.Sources, diagnostics);
            return SysrootFolder.Assemble(sysrootsRoot, taken, contents);
        }
        catch (SlimException e)
        {
            diagnostics.Error(e.Diagnostic, e.Args);
            return null;
        }
    }

    /// <summary>The lock with this architecture's sysroot section as this publish used it; the base's pins and other architectures' as they were.</summary>
    private void WriteLock(PackageLock? previous, IReadOnlyList<LockedPackage> taken, string architecture, IReadOnlyList<AptSource> sources, IDiagnostics diagnostics)
    {
        var others = previous?.Sysroot?.Where(p => !p.Serves(architecture)) ?? [];
        var suites = previous?.Suites.Count > 0 ? previous.Suites : [.. sources.SelectMany(s => s.Suites).Distinct()];
        var next = (previous ?? PackageLock.Empty(suites)) with { Suites = suites, Sysroot = [.. others, .. taken] };
        if (IO.AtomicFile.WriteAllTextIfChanged(settings.LockFile, next.ToJson()))
            diagnostics.Info($"Slim: {settings.LockFile} pins {taken.Count} Debian package(s) for the {architecture} NativeAOT sysroot: "
                + string.Join(", ", taken.Select(t => $"{t.Name} {t.Version}")));
    }
}
