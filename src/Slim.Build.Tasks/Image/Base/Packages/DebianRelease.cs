using System.Runtime.InteropServices;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The distribution the package base is made of: Debian 12, the release the official .NET images' Debian variants
/// use, and Debian's names for the processors .NET runs on.
/// </summary>
internal static class DebianRelease
{
    public const string Distribution = "debian";
    public const string Codename = "bookworm";
    public const string Version = "12";

    /// <summary>amd64, arm64, armhf; null for a processor Debian 12 has no port for that .NET runs on.</summary>
    public static string? Architecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "armhf",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64el",
        _ => null,
    };
}
