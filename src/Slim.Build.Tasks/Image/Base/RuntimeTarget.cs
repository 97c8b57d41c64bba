using System.Runtime.InteropServices;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// What a runtime identifier says about the machine the app runs on: linux-x64 is Linux, glibc, x64;
/// linux-musl-arm64 is Linux, musl, arm64; win-x64 is not Linux.
/// </summary>
/// <param name="Architecture">Null when the RID names a processor .NET does not know (or none).</param>
internal sealed record RuntimeTarget(string RuntimeIdentifier, bool IsLinux, bool IsMusl, Architecture? Architecture)
{
    public static RuntimeTarget Parse(string runtimeIdentifier)
    {
        var rid = runtimeIdentifier.Trim().ToLowerInvariant();
        var dash = rid.LastIndexOf('-');
        var os = dash < 0 ? rid : rid[..dash];
        var architecture = dash < 0 ? null : ArchitectureOf(rid[(dash + 1)..]);
        var isLinux = os == "linux" || os.StartsWith("linux-", StringComparison.Ordinal);
        return new RuntimeTarget(runtimeIdentifier, isLinux, os.StartsWith("linux-musl", StringComparison.Ordinal), architecture);
    }

    /// <summary>The RID's own words for a processor: x64, arm64, arm, x86, s390x, ppc64le, loongarch64.</summary>
    public static Architecture? ArchitectureOf(string ridArchitecture) => ridArchitecture switch
    {
        "x64" => System.Runtime.InteropServices.Architecture.X64,
        "arm64" => System.Runtime.InteropServices.Architecture.Arm64,
        "arm" => System.Runtime.InteropServices.Architecture.Arm,
        "x86" => System.Runtime.InteropServices.Architecture.X86,
        "s390x" => System.Runtime.InteropServices.Architecture.S390x,
        "ppc64le" => System.Runtime.InteropServices.Architecture.Ppc64le,
        "loongarch64" => System.Runtime.InteropServices.Architecture.LoongArch64,
        _ => null,
    };

    /// <summary>The RID spelling of <paramref name="architecture"/> (X64 -> x64), for messages.</summary>
    public static string RidName(Architecture architecture) => architecture.ToString().ToLowerInvariant();
}
