using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// The image the source build's build stage runs on: the official .NET SDK of the project's target
/// framework (with its native toolchain for aot), on the Ubuntu release the final base uses.
/// </summary>
internal static class SdkImageChooser
{
    /// <param name="sdkImage">SlimDockerSdkImage: replaces Slim's choice when set.</param>
    public static string For(ContainerProject project, string sdkImage)
    {
        if (!string.IsNullOrWhiteSpace(sdkImage))
            return sdkImage.Trim();
        // The -aot SDK image adds clang and the libraries NativeAOT links with.
        var aot = project.Profile == SizeProfile.Aot ? "-aot" : "";
        return $"{BaseImageChooser.Registry}sdk:{BaseImageChooser.ChannelOf(project.TargetFramework)}-{BaseImageChooser.Distro}{aot}";
    }
}
