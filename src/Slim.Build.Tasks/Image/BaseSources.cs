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
        // Packages come from an archive, not this machine: any build machine can assemble them.
        if (reference.Kind == BaseKind.Auto && !request.BaseSource.Equals(Packages, StringComparison.OrdinalIgnoreCase) && !AutoBaseSupport.Supported(RuntimeTarget.Parse(request.RuntimeIdentifier)))
        {
            // auto needs a Linux glibc build machine of the app's processor; elsewhere the official base that fits is pulled.
            var official = request.Container.Spec.BaseImage;
            diagnostics.Notice(SlimDiagnostics.AutoBaseReplacedByOfficial, request.RuntimeIdentifier, official);
            return new BaseReference(BaseKind.Registry, official);
        }
        return reference;
    }
}
