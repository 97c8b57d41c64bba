using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>No base: the image holds the app's layers only (a NativeAOT app that needs nothing from the system).</summary>
internal sealed class ScratchBaseSource : IBaseSource
{
    public BaseImage? Resolve(BaseRequest request, IDiagnostics diagnostics)
    {
        if (request.Framework)
        {
            diagnostics.Notice(SlimDiagnostics.ImageFrameworkNotYet, request.ProjectName, request.Reference.Text);
            return null;
        }
        return new BaseImage(null, new BaseSummary(BaseReference.Scratch, BaseReference.Scratch, null), [], "", [], [], [], null, null, []);
    }
}
