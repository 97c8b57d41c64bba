namespace Slim.Build.Tasks.Container;

/// <summary>
/// The official .NET image that fits a profile to run on: a chiseled (distroless) Ubuntu base. The
/// build stage of a Dockerfile uses the same Ubuntu release (Distro), so the glibc an aot binary
/// links against is the one it runs with.
/// </summary>
internal static class BaseImageChooser
{
    public const string Registry = "mcr.microsoft.com/dotnet/";
    public const string Distro = "noble";

    public static string FinalBase(ContainerProject project)
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

    /// <summary>net10.0 -> 10.0; net8.0-windows -> 8.0.</summary>
    public static string ChannelOf(string targetFramework)
    {
        var version = targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? targetFramework[3..] : targetFramework;
        var dash = version.IndexOf('-');
        return dash < 0 ? version : version[..dash];
    }
}
