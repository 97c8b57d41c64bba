using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base.Runtime;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// auto: a base assembled from this machine's files, holding what the needs list (glibc, the loader, ICU, ...),
/// and for the framework profile the shared runtime in a layer of its own. Both layers are cached for every project.
/// </summary>
internal sealed class HostBaseSource : IBaseSource
{
    public BaseImage? Resolve(BaseRequest request, IDiagnostics diagnostics)
    {
        if (SharedRuntimePlan.For(request, diagnostics) is not { } plan)
            return null;
        var (runtime, needs) = plan;
        var host = HostBaseBuilder.OfThisMachine(request.MachineLayerCache).Build(needs, RuntimeTarget.Parse(request.RuntimeIdentifier),
            request.Shipped.Select(s => s.Elf.Interpreter).OfType<string>().Distinct().ToList(), diagnostics);
        if (host is null || host.Glibc is { } glibc && !GlibcCheck.Check(request.Shipped, glibc, "auto (this machine)", diagnostics))
            return null;
        var planned = new List<PlannedLayer> { new(BaseLayerName.For(request.Needs), host.Entries, MachineWide: true) };
        if (runtime is not null)
            planned.Add(new PlannedLayer(runtime.Holds, runtime.Entries, MachineWide: true));
        var summary = new BaseSummary(BaseReference.Auto, "assembled from this machine's files"
            + (runtime is null ? "" : ", with the shared runtime " + string.Join(", ", runtime.Frameworks)), null);
        return new BaseImage(null, summary, [], "", planned, runtime?.Environment.Select(e => new NameValue(e.Name, e.Value)).ToList() ?? [], [],
            null, null, host.Packages);
    }
}
