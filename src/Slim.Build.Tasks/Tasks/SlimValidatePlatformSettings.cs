using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks;

/// <summary>Checks ContainerRuntimeIdentifiers and what each platform in it needs, before the compile.</summary>
public sealed class SlimValidatePlatformSettings : SlimTask
{
    /// <summary>ContainerRuntimeIdentifiers: linux-x64;linux-arm64.</summary>
    public string RuntimeIdentifiers { get; set; } = "";
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>ContainerBaseImage: auto, scratch, or a layout on disk.</summary>
    public string BaseImage { get; set; } = "";
    /// <summary>SlimBaseSource: what auto is assembled from, host or packages.</summary>
    public string BaseSource { get; set; } = "";
    /// <summary>SlimImageFormat: oci or docker.</summary>
    public string ImageFormat { get; set; } = "";
    public bool PublishAot { get; set; }
    public string SysRoot { get; set; } = "";
    /// <summary>$(NETCoreSdkPortableRuntimeIdentifier): the build machine's RID.</summary>
    public string HostRuntimeIdentifier { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) =>
        PlatformSettingsValidator.Validate(new PlatformSettings(RuntimeIdentifiers, RuntimeIdentifier, BaseImage, BaseSource, ImageFormat, PublishAot, SysRoot,
            string.IsNullOrEmpty(HostRuntimeIdentifier) ? Settings.SettingsValidator.HostRuntimeIdentifier() : HostRuntimeIdentifier), diagnostics, tool => ToolLocator.Find(tool));
}
