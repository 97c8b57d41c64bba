using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base.Runtime;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// SlimBaseSource=packages: the auto base assembled from Debian 12 packages pinned in the project's lock
/// (<see cref="PackageBaseBuilder"/>), the same on every build machine; for the framework profile the shared
/// runtime in a layer of its own, as with the host base. The lock is written when this publish added to it.
/// </summary>
internal sealed class PackageBaseSource : IBaseSource
{
    public const string Name = "packages";

    public BaseImage? Resolve(BaseRequest request, IDiagnostics diagnostics)
    {
        var target = RuntimeTarget.Parse(request.RuntimeIdentifier);
        if (!target.IsLinux || target.IsMusl || target.Architecture is not { } architecture || DebianRelease.Architecture(architecture) is not { } debianArchitecture)
        {
            diagnostics.Error(target.IsMusl ? SlimDiagnostics.AutoBaseUnsupported_Musl : SlimDiagnostics.AutoBaseUnsupported_TargetNotLinux, request.RuntimeIdentifier);
            return null;
        }
        if (SharedRuntimePlan.For(request, diagnostics) is not { } plan)
            return null;
        var (runtime, needs) = plan;
        var settings = request.Packages ?? new PackageSettings(Path.Combine(request.WorkDirectory, PackageLock.FileName));
        var built = Build(request, settings, needs, architecture, debianArchitecture, diagnostics);
        if (built is null || built.Glibc is { } glibc && !GlibcCheck.Check(request.Shipped, glibc, $"Debian {DebianRelease.Version} packages", diagnostics))
            return null;
        var planned = new List<PlannedLayer> { new(BaseLayerName.For(request.Needs, $"{built.Packages.Count} Debian {DebianRelease.Version} packages"), built.Entries, MachineWide: true) };
        var trust = TrustLayer.Plan(built.Entries, settings.CaCertificates, request.AppNamesCertificateStore);
        if (trust is not null)
            planned.Add(trust);
        if (runtime is not null)
            planned.Add(new PlannedLayer(runtime.Holds, runtime.Entries, MachineWide: true));
        var summary = new BaseSummary(Name, $"assembled from {built.Packages.Count} Debian {DebianRelease.Version} packages pinned in {Path.GetFileName(settings.LockFile)}"
            + (trust is null ? "" : ", " + trust.Holds)
            + (runtime is null ? "" : ", with the shared runtime " + string.Join(", ", runtime.Frameworks)), null);
        return new BaseImage(null, summary, [], "", planned, runtime?.Environment.Select(e => new NameValue(e.Name, e.Value)).ToList() ?? [], [],
            null, null, built.Packages);
    }

    private static PackageBase? Build(BaseRequest request, PackageSettings settings, Needs.RuntimeNeeds needs, System.Runtime.InteropServices.Architecture architecture,
        string debianArchitecture, IDiagnostics diagnostics)
    {
        try
        {
            var lockFile = PackageLock.ReadOrFail(settings.LockFile);
            var cache = PackageCache.Under(RegistryBaseSource.CacheRoot(request.CacheDirectory, Environment.GetEnvironmentVariable));
            var downloader = new ArchiveDownloader(cache, SharedHttpClient.Instance, request.Cancellation);
            var archive = DebianArchive.Open(settings, debianArchitecture, downloader);
            var fetcher = new PackageFetcher(lockFile, archive, cache, downloader, debianArchitecture, settings.LockedMode, settings.LockFile);
            var built = new PackageBaseBuilder(fetcher, architecture).Build(needs, request.Shipped.Select(s => s.Elf.Interpreter).OfType<string>().Distinct());
            if (!settings.LockedMode)
                WriteLock(settings.LockFile, lockFile, built.Taken, debianArchitecture, archive.Sources, diagnostics);
            return built;
        }
        catch (SlimException e)
        {
            diagnostics.Error(e.Diagnostic, e.Args);
            return null;
        }
    }

    /// <summary>The lock as this publish used it: its packages for this architecture, the others' as they were.</summary>
    private static void WriteLock(string path, PackageLock? previous, IReadOnlyList<LockedPackage> taken, string architecture, IReadOnlyList<AptSource> sources,
        IDiagnostics diagnostics)
    {
        var others = previous?.Packages.Where(p => !p.Serves(architecture)) ?? [];
        var suites = previous?.Suites.Count > 0 ? previous.Suites : [.. sources.SelectMany(s => s.Suites).Distinct()];
        var next = (previous ?? PackageLock.Empty(suites)) with { Suites = suites, Packages = [.. others, .. taken] };
        if (IO.AtomicFile.WriteAllTextIfChanged(path, next.ToJson()))
            diagnostics.Info($"Slim: {path} pins {taken.Count} Debian package(s) for {architecture}: " + string.Join(", ", taken.Select(t => $"{t.Name} {t.Version}")));
    }
}
