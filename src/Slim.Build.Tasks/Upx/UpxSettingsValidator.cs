using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Profiles;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Upx;

/// <summary>The UPX settings of one publish, as the project gave them.</summary>
/// <param name="HasIncludes">Whether the project names files in SlimUpxInclude.</param>
/// <param name="RuntimeIdentifiers">The RIDs whose programs would be packed: the publish's own and ContainerRuntimeIdentifiers'.</param>
internal sealed record UpxSettings(string ProjectName, string Upx, string UpxPath, string UpxArgs, SizeProfile Profile, bool HasIncludes,
    IReadOnlyList<string>? RuntimeIdentifiers = null);

/// <summary>
/// Checks the UPX settings on every publish, incremental ones included, so a machine without UPX
/// fails before any work with an error that says how to get it.
/// </summary>
internal static class UpxSettingsValidator
{
    public static void Validate(UpxSettings s, IDiagnostics diagnostics, Func<string, string?> findTool)
    {
        if (!bool.TryParse(s.Upx, out var enabled))
        {
            diagnostics.Error(SlimDiagnostics.UnknownChoice, "SlimUpx", s.Upx, "true, false");
            return;
        }
        if (!enabled)
            return;
        if (findTool(s.UpxPath) is null)
            diagnostics.Error(SlimDiagnostics.UpxMissing, s.UpxPath, ToolLocator.WhyNotFound(s.UpxPath));
        if (UpxArguments.FindReserved(UpxArguments.Split(s.UpxArgs)) is { } reserved)
            diagnostics.Error(SlimDiagnostics.UpxArgsReserved, s.UpxArgs, reserved.Option, reserved.Why);
        foreach (var rid in (s.RuntimeIdentifiers ?? []).Where(r => !UpxPlatforms.Packs(r)).Distinct(StringComparer.OrdinalIgnoreCase))
            diagnostics.Error(SlimDiagnostics.UpxPlatformUnsupported, rid, string.Join(", ", UpxPlatforms.PackedArchitectures));
        if (s.Profile != SizeProfile.Aot && !s.HasIncludes)
            diagnostics.Warning(SlimDiagnostics.UpxNothingToPack, s.ProjectName, s.Profile.JsonName());
    }
}
