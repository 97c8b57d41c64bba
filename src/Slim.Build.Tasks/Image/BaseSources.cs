using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Image.Base.Host;
using Slim.Build.Tasks.Image.Base.Layout;

namespace Slim.Build.Tasks.Image;

/// <summary>Which <see cref="IBaseSource"/> ContainerBaseImage names: the one place that knows the kinds of base.</summary>
internal static class BaseSources
{
    public static IBaseSource For(BaseReference reference) => reference.Kind switch
    {
        BaseKind.Auto => new HostBaseSource(),
        BaseKind.Scratch => new ScratchBaseSource(),
        _ => new LayoutBaseSource(),
    };

    /// <summary>ContainerBaseImage parsed; auto where it cannot be made becomes the official base that fits.</summary>
    public static BaseReference Choose(ImageRequest request, IDiagnostics diagnostics)
    {
        var reference = BaseReference.Parse(request.BaseImage, request.ProjectDirectory);
        if (reference.Kind == BaseKind.Auto && !AutoBaseSupport.Supported(RuntimeTarget.Parse(request.RuntimeIdentifier)))
        {
            // auto needs a Linux glibc build machine of the app's processor; elsewhere the official base that fits is pulled.
            var official = request.Container.Spec.BaseImage;
            diagnostics.Notice(SlimDiagnostics.AutoBaseReplacedByOfficial, request.RuntimeIdentifier, official);
            return new BaseReference(BaseKind.Registry, official);
        }
        return reference;
    }
}
