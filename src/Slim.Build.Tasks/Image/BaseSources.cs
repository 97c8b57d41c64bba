using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Base.Host;
using Slim.Build.Tasks.Image.Base.Layout;
using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Image;

/// <summary>Which <see cref="IBaseSource"/> ContainerBaseImage names: the one place that knows the kinds of base.</summary>
internal static class BaseSources
{
    public const string Host = "host";
    public const string Packages = PackageBaseSource.Name;
    public static readonly IReadOnlyList<string> AutoSources = [Host, Packages];

    /// <param name="autoSource">SlimBaseSource: what auto is assembled from, host or packages.</param>
    public static IBaseSource For(BaseReference reference, string autoSource = Host) => reference.Kind switch
    {
        BaseKind.Auto when autoSource.Equals(Packages, StringComparison.OrdinalIgnoreCase) => new PackageBaseSource(),
        BaseKind.Auto => new HostBaseSource(),
        BaseKind.Scratch => new ScratchBaseSource(),
        _ => new LayoutBaseSource(),
    };

    /// <summary>ContainerBaseImage parsed; auto where it cannot be made becomes the official base that fits.</summary>
    public static BaseReference Choose(ImageRequest request, IDiagnostics diagnostics)
    {
        var reference = BaseReference.Parse(request.BaseImage, request.ProjectDirectory);
        if (reference.Kind == BaseKind.Auto && AutoRefusal(request) is { } why)
        {
            var official = request.Container.Spec.BaseImage;
            diagnostics.Notice(SlimDiagnostics.AutoBaseReplacedByOfficial, request.RuntimeIdentifier, official, why);
            return new BaseReference(BaseKind.Registry, official);
        }
        return reference;
    }

    /// <summary>Why auto cannot be assembled for the app here; null when it can.</summary>
    private static string? AutoRefusal(ImageRequest request)
    {
        var target = RuntimeTarget.Parse(request.RuntimeIdentifier);
        var packages = request.BaseSource.Equals(Packages, StringComparison.OrdinalIgnoreCase);
        // Packages come from an archive, not this machine: any build machine can assemble them for a glibc Linux app.
        if (packages && !(target.IsLinux && !target.IsMusl && target.Architecture is { } architecture && DebianRelease.Architecture(architecture) is not null))
            return $"Debian {DebianRelease.Version} packages serve glibc Linux apps only";
        // A framework-dependent app's shared runtime comes from this machine's .NET installation for the machine's own
        // architecture (another architecture's comes from its runtime packs: SharedRuntimeLayer.For).
        var runtimeFromMachine = request.Container.Project.Profile == Profiles.SizeProfile.Framework
            && target.Architecture == System.Runtime.InteropServices.RuntimeInformation.OSArchitecture;
        if ((!packages || runtimeFromMachine) && !AutoBaseSupport.Supported(target))
            return packages ? "its shared runtime comes from this machine's .NET installation, which cannot run it (another OS, processor or C library)"
                : "this machine's own files cannot run it (another OS, processor or C library)";
        return null;
    }
}
