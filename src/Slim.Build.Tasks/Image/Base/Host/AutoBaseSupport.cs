using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// Whether ContainerBaseImage=auto can build the base from this machine's own files: only a Linux glibc
/// machine of the app's processor has the loader, libc and libraries a linux-&lt;arch&gt; app runs on.
/// </summary>
internal static class AutoBaseSupport
{
    /// <summary>Whether auto works for this RID on this machine, without saying why not (the image step then pulls the official base).</summary>
    public static bool Supported(RuntimeTarget target) =>
        Refusal(target, HostPlatform.OfThisMachine(Needs.HostNeedFiles.OfThisMachine().LibraryFolders)) is null;

    /// <summary>Whether auto works for this RID on <paramref name="host"/>; reports why not.</summary>
    public static bool Check(RuntimeTarget target, HostPlatform host, IDiagnostics diagnostics)
    {
        if (Refusal(target, host) is not var (diagnostic, args))
            return true;
        diagnostics.Error(diagnostic, args);
        return false;
    }

    /// <summary>The first reason auto cannot serve the target on the host, as a diagnostic and its arguments; null when it can.</summary>
    private static (SlimDiagnostic Diagnostic, object[] Args)? Refusal(RuntimeTarget target, HostPlatform host)
    {
        if (!target.IsLinux)
            return (SlimDiagnostics.AutoBaseUnsupported_TargetNotLinux, [target.RuntimeIdentifier]);
        if (target.IsMusl)
            return (SlimDiagnostics.AutoBaseUnsupported_Musl, [target.RuntimeIdentifier]);
        if (!host.IsLinux)
            return (SlimDiagnostics.AutoBaseUnsupported_HostNotLinux, [System.Runtime.InteropServices.RuntimeInformation.OSDescription]);
        if (host.Libc is null)
            return (SlimDiagnostics.AutoBaseUnsupported_HostNotGlibc, [HostPlatform.GlibcSoName]);
        if (target.Architecture != host.Architecture)
            return (SlimDiagnostics.AutoBaseUnsupported_Architecture, [target.RuntimeIdentifier,
                target.Architecture is { } a ? RuntimeTarget.RidName(a) : "unknown", RuntimeTarget.RidName(host.Architecture)]);
        return null;
    }
}
