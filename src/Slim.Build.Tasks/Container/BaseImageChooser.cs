using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Container;

/// <summary>The final image's base and why it was chosen, for the Dockerfiles' comment.</summary>
internal sealed record BaseChoice(string Image, string Reason);

/// <summary>
/// The official .NET image that fits a profile and the app's run-time needs: a chiseled (distroless) Ubuntu
/// base. Chiseled images carry glibc, libssl and the CA certificates; only their -extra variant carries ICU and
/// tzdata. The build stage of a Dockerfile uses the same Ubuntu release (Distro), so the glibc an aot binary
/// links against is the one it runs with.
/// </summary>
internal static class BaseImageChooser
{
    public const string Registry = "mcr.microsoft.com/dotnet/";
    public const string Distro = "noble";

    public static BaseChoice FinalBase(ContainerProject project)
    {
        if (!string.IsNullOrWhiteSpace(project.BaseImage))
            return new(project.BaseImage.Trim(), "SlimDockerBaseImage names this base; it must carry what the app needs" + Listing(project.Needs));
        // Self-contained apps bring their runtime: runtime-deps holds only what it links against.
        var repository = project.Profile switch
        {
            SizeProfile.Framework when project.IsWebApp => "aspnet",
            SizeProfile.Framework => "runtime",
            _ => "runtime-deps",
        };
        var prefix = $"{Registry}{repository}:{ChannelOf(project.TargetFramework)}-{Distro}-chiseled";
        if (project.Needs is null)
            return new(prefix + "-extra", "the -extra variant, which carries every need a chiseled image can (ICU and tzdata too): the needs are unknown until the app is published");
        var extraNeeds = project.Needs.Where(n => n.Kind is NeedKind.Icu or NeedKind.Tzdata).ToList();
        var image = prefix + (extraNeeds.Count > 0 ? "-extra" : "");
        var reason = extraNeeds.Count > 0
            ? "the -extra variant, the chiseled image that carries ICU and tzdata" + Listing(project.Needs)
            : "chiseled, without ICU or tzdata, which the app does not need" + Listing(project.Needs);
        return new(image, reason);
    }

    /// <summary>net10.0 -> 10.0; net8.0-windows -> 8.0.</summary>
    public static string ChannelOf(string targetFramework)
    {
        var version = targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? targetFramework[3..] : targetFramework;
        var dash = version.IndexOf('-');
        return dash < 0 ? version : version[..dash];
    }

    private static string Listing(IReadOnlyList<BaseNeed>? needs) =>
        needs is null ? ": the needs are unknown until the app is published." : needs.Count == 0 ? "." : ": " + string.Join("; ", needs.Select(n => $"{n.Kind.JsonName()} ({n.Evidence})")) + ".";
}
