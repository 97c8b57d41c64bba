using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>The settings of a multi-platform publish (ContainerRuntimeIdentifiers), as the project gave them.</summary>
/// <param name="HostRuntimeIdentifier">The build machine's RID (linux-x64): the architecture the host base and the native toolchain serve.</param>
internal sealed record PlatformSettings(string RuntimeIdentifiers, string RuntimeIdentifier, string BaseImage, string BaseSource, string ImageFormat,
    bool PublishAot, string SysRoot, string HostRuntimeIdentifier);

/// <summary>
/// Checks ContainerRuntimeIdentifiers before the compile, so a list Slim cannot build fails before any platform's
/// publish: every RID a Linux one, the project's own RuntimeIdentifier among them, a base that exists for each
/// architecture, an archive format that holds an index, and (NativeAOT) clang, lld and llvm-objcopy for a foreign RID.
/// </summary>
internal static class PlatformSettingsValidator
{
    public static void Validate(PlatformSettings s, IDiagnostics diagnostics, Func<string, string?> findTool)
    {
        var entries = PlatformList.Parse(s.RuntimeIdentifiers);
        if (entries.Count == 0)
            return;
        foreach (var entry in entries.Where(e => e.Platform is null || !RuntimeTarget.Parse(e.RuntimeIdentifier).IsLinux))
            diagnostics.Error(SlimDiagnostics.PlatformNotLinux, entry.RuntimeIdentifier);
        var valid = entries.Where(e => e.Platform is not null && RuntimeTarget.Parse(e.RuntimeIdentifier).IsLinux).ToList();

        var rid = s.RuntimeIdentifier.Trim();
        if (rid.Length > 0 && !entries.Any(e => e.RuntimeIdentifier.Equals(rid, StringComparison.OrdinalIgnoreCase)))
            diagnostics.Error(SlimDiagnostics.PlatformListDisagrees, rid, s.RuntimeIdentifiers.Trim());

        var host = RuntimeTarget.Parse(s.HostRuntimeIdentifier);
        var baseSource = s.BaseSource.Trim().Length == 0 ? BaseSources.Host : s.BaseSource.Trim().ToLowerInvariant();
        var autoBase = s.BaseImage.Trim().Length == 0 || s.BaseImage.Trim().Equals(BaseReference.Auto, StringComparison.OrdinalIgnoreCase);
        if (autoBase && baseSource == BaseSources.Host)
            foreach (var entry in valid.Where(e => RuntimeTarget.Parse(e.RuntimeIdentifier).Architecture != host.Architecture))
                diagnostics.Error(SlimDiagnostics.PlatformNeedsPackageBase, entry.RuntimeIdentifier, s.BaseSource.Trim().Length == 0 ? BaseSources.Host : s.BaseSource.Trim(),
                    s.HostRuntimeIdentifier, entry.Platform!.Architecture);

        // Debian 12 has ports for amd64, arm64, armhf, s390x and ppc64el only: a riscv64 or loongarch64 base cannot be
        // assembled from its packages, and falling back to a base pulled from elsewhere is not what the list asked for.
        if (autoBase && baseSource == BaseSources.Packages)
            foreach (var entry in valid.Where(e => RuntimeTarget.Parse(e.RuntimeIdentifier) is { IsMusl: false } t
                         && (t.Architecture is not { } architecture || DebianRelease.Architecture(architecture) is null)))
                diagnostics.Error(SlimDiagnostics.PlatformHasNoDebianPort, entry.RuntimeIdentifier, DebianRelease.Version, entry.Platform!.Describe());

        if (valid.Count > 1 && s.ImageFormat.Trim().Equals("docker", StringComparison.OrdinalIgnoreCase))
            diagnostics.Error(SlimDiagnostics.PlatformIndexNeedsOci, s.ImageFormat.Trim(), string.Join(", ", valid.Select(e => e.RuntimeIdentifier)));

        // The same check a single-RID publish makes (SLIM2005), for each foreign RID, before the host's own compile.
        if (s.PublishAot && string.IsNullOrEmpty(s.SysRoot))
            foreach (var entry in valid)
                if (SettingsValidator.CrossTarget(entry.RuntimeIdentifier) is { } target && CrossToolchain.Missing(findTool) is { Count: > 0 } missing)
                    SettingsValidator.ReportCrossToolchainMissing(entry.RuntimeIdentifier, target.DebianArch, missing, diagnostics);
    }
}
