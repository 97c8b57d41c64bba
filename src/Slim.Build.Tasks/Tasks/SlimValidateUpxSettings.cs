using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks;

/// <summary>Checks the UPX settings on every publish, so a missing UPX fails even when nothing else changed.</summary>
public sealed class SlimValidateUpxSettings : SlimTask
{
    public string ProjectName { get; set; } = "";
    /// <summary>SlimUpx: true or false.</summary>
    public string Upx { get; set; } = "false";
    /// <summary>SlimUpxPath: a name on PATH or a path, e.g. upx or /opt/upx/upx.</summary>
    public string UpxPath { get; set; } = HostTools.Upx;
    /// <summary>SlimUpxArgs, e.g. --best --lzma.</summary>
    public string UpxArgs { get; set; } = "";
    /// <summary>aot, trimmed or framework.</summary>
    public string Profile { get; set; } = "";
    /// <summary>SlimUpxInclude items; only whether there are any matters here.</summary>
    public ITaskItem[] Include { get; set; } = [];
    /// <summary>The publish's RuntimeIdentifier, e.g. linux-arm64.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>ContainerRuntimeIdentifiers: every platform a multi-platform publish packs for.</summary>
    public string ContainerRuntimeIdentifiers { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) =>
        UpxSettingsValidator.Validate(new UpxSettings(ProjectName, Upx, UpxPath, UpxArgs, SizeProfiles.Parse(Profile), Include.Length > 0,
            [RuntimeIdentifier, .. ContainerRuntimeIdentifiers.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]), diagnostics, tool => ToolLocator.Find(tool));
}
