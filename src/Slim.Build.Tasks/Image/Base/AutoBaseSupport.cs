using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// Whether ContainerBaseImage=auto can build the base from this machine's own files: only a Linux glibc
/// machine of the app's processor has the loader, libc and libraries a linux-&lt;arch&gt; app runs on.
/// </summary>
internal static class AutoBaseSupport
{
    /// <summary>Whether auto works for this RID on this machine, without saying why not (the image step then pulls the official base).</summary>
    public static bool Supported(RuntimeTarget target)
    {
        var host = HostPlatform.OfThisMachine(Needs.HostNeedFiles.OfThisMachine().LibraryFolders);
        return target.IsLinux && !target.IsMusl && host.IsLinux && host.Libc is not null && target.Architecture == host.Architecture;
    }

    public static bool Check(RuntimeTarget target, HostPlatform host, IDiagnostics diagnostics)
    {
        if (!target.IsLinux)
            diagnostics.Error(SlimDiagnostics.AutoBaseUnsupported_TargetNotLinux, target.RuntimeIdentifier);
        else if (target.IsMusl)
            diagnostics.Error(SlimDiagnostics.AutoBaseUnsupported_Musl, target.RuntimeIdentifier);
        else if (!host.IsLinux)
            diagnostics.Error(SlimDiagnostics.AutoBaseUnsupported_HostNotLinux, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        else if (host.Libc is null)
            diagnostics.Error(SlimDiagnostics.AutoBaseUnsupported_HostNotGlibc, HostPlatform.GlibcSoName);
        else if (target.Architecture != host.Architecture)
            diagnostics.Error(SlimDiagnostics.AutoBaseUnsupported_Architecture, target.RuntimeIdentifier,
                target.Architecture is { } a ? RuntimeTarget.RidName(a) : "unknown", RuntimeTarget.RidName(host.Architecture));
        else
            return true;
        return false;
    }
}
