namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// The official .NET images that fit a profile: the SDK (with its native toolchain for aot) to build
/// on, and a chiseled (distroless) Ubuntu base to run on. Both stages use the same Ubuntu release so
/// the glibc an aot binary links against is the one it runs with.
/// </summary>
internal static class BaseImageChooser
{
    private const string Registry = "mcr.microsoft.com/dotnet/";
    private const string Distro = "noble";

    public static string FinalBase(DockerfileProject project)
    {
        if (!string.IsNullOrWhiteSpace(project.BaseImage))
            return project.BaseImage.Trim();
        // Self-contained apps bring their runtime: runtime-deps holds only what it links against.
        var repository = project.Profile.ToLowerInvariant() switch
        {
            "framework" when project.IsWebApp => "aspnet",
            "framework" => "runtime",
            _ => "runtime-deps",
        };
        // Chiseled images leave ICU and tzdata out; -extra adds them back for apps that use cultures.
        var extra = project.InvariantGlobalization ? "" : "-extra";
        return $"{Registry}{repository}:{ChannelOf(project.TargetFramework)}-{Distro}-chiseled{extra}";
    }

    public static string BuildImage(DockerfileProject project)
    {
        if (!string.IsNullOrWhiteSpace(project.SdkImage))
            return project.SdkImage.Trim();
        // The -aot SDK image adds clang and the libraries NativeAOT links with.
        var aot = project.Profile.Equals("aot", StringComparison.OrdinalIgnoreCase) ? "-aot" : "";
        return $"{Registry}sdk:{ChannelOf(project.TargetFramework)}-{Distro}{aot}";
    }

    /// <summary>net10.0 -> 10.0; net8.0-windows -> 8.0.</summary>
    public static string ChannelOf(string targetFramework)
    {
        var version = targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? targetFramework[3..] : targetFramework;
        var dash = version.IndexOf('-');
        return dash < 0 ? version : version[..dash];
    }
}
