using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>What an assembled base must hold besides the app's needs: for the framework profile, what the shared runtime's own native files need.</summary>
/// <param name="Runtime">The shared runtime's layer; null for an app that carries its runtime.</param>
/// <param name="Needs">The app's needs plus the runtime's native libraries.</param>
internal sealed record SharedRuntimePlan(SharedRuntime? Runtime, RuntimeNeeds Needs)
{
    /// <returns>Null after reporting why the shared runtime cannot be had.</returns>
    public static SharedRuntimePlan? For(BaseRequest request, IDiagnostics diagnostics)
    {
        if (!request.Framework)
            return new(null, request.Needs);
        var runtime = SharedRuntimeLayer.For(request.RuntimeIdentifier, request.NuGetPackageRoot, request.WorkDirectory, request.PruneRuntimePieces)
            .Plan(request.RuntimeConfig, request.RunsDotnet, diagnostics);
        return runtime is null ? null
            : new(runtime, request.Needs with { NativeLibraries = [.. request.Needs.NativeLibraries, .. runtime.HostLibraries] });
    }
}
