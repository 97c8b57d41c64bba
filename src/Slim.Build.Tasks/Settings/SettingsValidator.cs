using System.Runtime.InteropServices;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Settings;

/// <summary>Checks Slim's settings against the project before any publish work, so bad input fails fast and changes nothing.</summary>
internal static class SettingsValidator
{
    public static readonly string[] SizeLevels = ["safe", "aggressive"];
    public static readonly string[] Severities = ["error", "warning"];
    private static readonly string[] NonLinuxRidPrefixes = ["win", "osx", "maccatalyst", "ios", "tvos", "android", "browser", "wasi", "freebsd", "illumos", "solaris"];

    public static void Validate(PublishSettings s, IDiagnostics diagnostics, Func<string, string?> findTool)
    {
        var known = SizeProfiles.TryParse(s.Profile, out var profile);
        if (!known)
            diagnostics.Error(SlimDiagnostics.UnknownChoice, "SlimProfile", s.Profile, SizeProfiles.Names);
        Choice("SlimSizeLevel", s.SizeLevel, SizeLevels, diagnostics);
        Choice("SlimBudgetSeverity", s.BudgetSeverity, Severities, diagnostics);

        if (NonLinuxRidPrefixes.Any(prefix => s.RuntimeIdentifier.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            diagnostics.Error(SlimDiagnostics.UnsupportedRuntimeIdentifier, s.RuntimeIdentifier);

        switch (known ? profile : (SizeProfile?)null)
        {
            case SizeProfile.Aot when !s.PublishAot:
                diagnostics.Error(SlimDiagnostics.ProfileMismatch_Aot, s.Profile, s.SlimVersion);
                break;
            case SizeProfile.Trimmed when s.PublishAot:
                diagnostics.Error(SlimDiagnostics.ProfileMismatch_TrimmedButAot, s.Profile);
                break;
            case SizeProfile.Trimmed when !s.PublishTrimmed || !s.SelfContained:
                diagnostics.Error(SlimDiagnostics.ProfileMismatch_Trimmed, s.Profile, s.SlimVersion, Msbuild(s.PublishAot), Msbuild(s.PublishTrimmed), Msbuild(s.SelfContained), HostRuntimeIdentifier());
                break;
            case SizeProfile.Framework when s.PublishAot || s.PublishTrimmed:
                diagnostics.Error(SlimDiagnostics.ProfileMismatch_Framework, s.PublishAot ? "NativeAOT" : "trimmed", Msbuild(s.PublishAot), Msbuild(s.PublishTrimmed));
                break;
            case SizeProfile.Framework:
                diagnostics.Notice(SlimDiagnostics.FrameworkProfile, s.ProjectName);
                break;
        }

        if (s.PublishAot && known && profile == SizeProfile.Aot)
        {
            string[] linkers = string.IsNullOrEmpty(s.CppCompilerAndLinker) ? ["clang", "gcc"] : [s.CppCompilerAndLinker];
            if (linkers.All(linker => findTool(linker) is null))
                diagnostics.Error(SlimDiagnostics.NativeToolchainMissing, string.Join(", ", linkers));
            else if (CrossTarget(s.RuntimeIdentifier) is { } target && string.IsNullOrEmpty(s.SysRoot) && CrossToolchain.Missing(findTool) is { Count: > 0 } missing)
                ReportCrossToolchainMissing(s.RuntimeIdentifier, target.DebianArch, missing, diagnostics);
        }
    }

    /// <summary>SLIM2005: a NativeAOT publish for another architecture whose link tools (<see cref="CrossToolchain"/>) are not all on PATH.</summary>
    internal static void ReportCrossToolchainMissing(string runtimeIdentifier, string debianArchitecture, IReadOnlyList<(string Tool, string Package)> missing, IDiagnostics diagnostics)
    {
        var (tools, packages) = CrossToolchain.Describe(missing);
        diagnostics.Error(SlimDiagnostics.NativeCrossToolchainMissing, runtimeIdentifier, HostRuntimeIdentifier(), debianArchitecture, tools, packages);
    }

    /// <summary>The GNU triple and Debian architecture of a Linux RID for another architecture than the host's; null for the host's own.</summary>
    internal static (string Triple, string DebianArch)? CrossTarget(string runtimeIdentifier)
    {
        if (string.IsNullOrEmpty(runtimeIdentifier) || runtimeIdentifier.Equals(HostRuntimeIdentifier(), StringComparison.OrdinalIgnoreCase))
            return null;
        return runtimeIdentifier.ToLowerInvariant() switch
        {
            "linux-arm64" => ("aarch64-linux-gnu", "arm64"),
            "linux-x64" => ("x86_64-linux-gnu", "amd64"),
            "linux-arm" => ("arm-linux-gnueabihf", "armhf"),
            _ => null,
        };
    }

    /// <summary>A boolean as a project file spells it: true, false.</summary>
    private static string Msbuild(bool value) => value ? "true" : "false";

    /// <summary>linux-x64 or linux-arm64: the host's architecture, which is what the SDK form publishes for.</summary>
    public static string HostRuntimeIdentifier() =>
        "linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    private static void Choice(string property, string value, string[] allowed, IDiagnostics diagnostics)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            diagnostics.Error(SlimDiagnostics.UnknownChoice, property, value, string.Join(", ", allowed));
    }
}
