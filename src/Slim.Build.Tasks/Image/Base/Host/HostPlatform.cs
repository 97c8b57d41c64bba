using System.Runtime.InteropServices;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// The build machine as a source of base-image files: its OS, its processor and its C library.
/// </summary>
/// <param name="Libc">Where the loader's folders hold glibc's libc.so.6; null on a musl or non-Linux machine.</param>
internal sealed record HostPlatform(bool IsLinux, Architecture Architecture, string? Libc)
{
    public const string GlibcSoName = "libc.so.6";

    public static HostPlatform OfThisMachine(IReadOnlyList<string> libraryFolders) => new(
        OperatingSystem.IsLinux(),
        RuntimeInformation.OSArchitecture,
        OperatingSystem.IsLinux() ? libraryFolders.Select(f => Path.Combine(f, GlibcSoName)).FirstOrDefault(File.Exists) : null);
}
