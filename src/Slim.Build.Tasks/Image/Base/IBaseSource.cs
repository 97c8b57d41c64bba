using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// One kind of base the image is built on: this machine's files (Host/), an OCI layout or archive on disk or a
/// registry image pulled into one (Layout/), or nothing (scratch). Each gives the same <see cref="BaseImage"/>, so
/// the image step does not ask which kind it has.
/// </summary>
internal interface IBaseSource
{
    /// <returns>Null after reporting why the base cannot be used.</returns>
    BaseImage? Resolve(BaseRequest request, IDiagnostics diagnostics);
}
