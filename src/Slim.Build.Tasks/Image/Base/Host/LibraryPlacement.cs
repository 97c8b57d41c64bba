using System.Runtime.InteropServices;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// Where a host library goes in the base so the loader finds it there. The base has no ld.so.cache, so
/// glibc's loader looks in its built-in folders, /lib/&lt;triplet&gt; first (Debian's ld.so --help):
/// every library goes there under its soname, except the interpreter, which the kernel opens by the
/// PT_INTERP path written in the program (/lib64/ld-linux-x86-64.so.2). Plain folders, no usr-merge
/// links: two folders and no links are all the loader needs, and a layer of links would be entries
/// for nothing.
/// </summary>
internal sealed class LibraryPlacement(Architecture architecture, IEnumerable<string> interpreters)
{
    private readonly Dictionary<string, string> interpreterBySoName = interpreters
        .Concat(StandardInterpreter(architecture) is { } standard ? [standard] : [])
        .Where(p => p.StartsWith('/'))
        .DistinctBy(Path.GetFileName, StringComparer.Ordinal)
        .ToDictionary(p => Path.GetFileName(p), p => LayerEntry.Normalize(p), StringComparer.Ordinal);

    /// <summary>"lib/x86_64-linux-gnu": the first folder glibc's loader searches without a cache.</summary>
    public string LibraryFolder { get; } = "lib/" + (MultiarchTriplet(architecture) ?? throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "no multiarch triplet"));

    /// <summary>The image path of the library the loader asks for by <paramref name="soName"/>.</summary>
    public string PathOf(string soName) => interpreterBySoName.GetValueOrDefault(soName) ?? LibraryFolder + "/" + soName;

    /// <summary>Whether <paramref name="soName"/> is the interpreter, which the kernel must be able to execute.</summary>
    public bool IsInterpreter(string soName) => interpreterBySoName.ContainsKey(soName);

    /// <summary>The PT_INTERP glibc's toolchain writes for the processor, so the base works even when no program's interpreter was passed.</summary>
    public static string? StandardInterpreter(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "/lib64/ld-linux-x86-64.so.2",
        Architecture.Arm64 => "/lib/ld-linux-aarch64.so.1",
        Architecture.Arm => "/lib/ld-linux-armhf.so.3",
        Architecture.X86 => "/lib/ld-linux.so.2",
        Architecture.S390x => "/lib/ld64.so.1",
        Architecture.Ppc64le => "/lib64/ld64.so.2",
        _ => null,
    };

    public static string? MultiarchTriplet(Architecture architecture) => SystemLibraryFolders.MultiarchTriplet(architecture);
}
