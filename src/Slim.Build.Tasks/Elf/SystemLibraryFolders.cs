using System.Runtime.InteropServices;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Elf;

/// <summary>
/// The folders the dynamic loader searches after a library's own DT_RUNPATH: those /etc/ld.so.conf
/// names (what ldconfig puts in ld.so.cache), then the built-in defaults, multiarch first.
/// </summary>
internal static class SystemLibraryFolders
{
    public const string LdSoConf = "/etc/ld.so.conf";

    // ldconfig follows includes without limit; a conf file that includes itself would never end.
    private const int MaxIncludeDepth = 16;

    /// <summary>This machine's folders: <see cref="LdSoConf"/>, then <see cref="Defaults"/> for its processor.</summary>
    public static IReadOnlyList<string> OfThisMachine() => Read(LdSoConf, Defaults(RuntimeInformation.OSArchitecture));

    /// <summary>/lib/x86_64-linux-gnu, /usr/lib/x86_64-linux-gnu, /lib64, /usr/lib64, /lib, /usr/lib (the multiarch pair for the processor).</summary>
    public static IReadOnlyList<string> Defaults(Architecture architecture)
    {
        IEnumerable<string> multiarch = MultiarchTriplet(architecture) is { } triplet ? ["/lib/" + triplet, "/usr/lib/" + triplet] : [];
        return [.. multiarch, "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
    }

    /// <summary>
    /// The folders <paramref name="ldSoConf"/> names, following <c>include</c> lines (globs, in
    /// name order, relative to the including file's folder), then <paramref name="defaults"/>.
    /// Only folders that exist, each once: the first spelling of a real folder wins, so with
    /// /lib -> usr/lib, /lib/x86_64-linux-gnu stands for /usr/lib/x86_64-linux-gnu too.
    /// </summary>
    public static IReadOnlyList<string> Read(string ldSoConf, IEnumerable<string> defaults)
    {
        var named = new List<string>();
        if (File.Exists(ldSoConf))
            ReadConf(ldSoConf, named, 0);
        named.AddRange(defaults);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string>();
        foreach (var folder in named)
            if (Directory.Exists(folder) && RealPath.Of(folder) is { } real && seen.Add(real))
                folders.Add(Path.TrimEndingDirectorySeparator(folder));
        return folders;
    }

    private static void ReadConf(string confFile, List<string> folders, int depth)
    {
        if (depth > MaxIncludeDepth)
            return;
        foreach (var raw in File.ReadLines(confFile))
        {
            var line = (raw.IndexOf('#') is var hash and >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0 || line.StartsWith("hwcap ", StringComparison.Ordinal))
                continue;
            if (line.StartsWith("include", StringComparison.Ordinal) && line.Length > 7 && char.IsWhiteSpace(line[7]))
            {
                foreach (var pattern in line[8..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                    foreach (var included in Expand(pattern, Path.GetDirectoryName(confFile)!))
                        ReadConf(included, folders, depth + 1);
                continue;
            }
            // A libc5-era "folder=TYPE" entry still names a folder.
            folders.AddRange(line.Split([' ', '\t', ',', ':'], StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')[0]));
        }
    }

    /// <summary>The files a glob names; wildcards only in the last part, as every distribution writes them.</summary>
    private static IEnumerable<string> Expand(string pattern, string relativeTo)
    {
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(relativeTo, pattern);
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (name.IndexOfAny(['*', '?']) < 0)
            return File.Exists(full) ? [full] : [];
        if (!Directory.Exists(folder))
            return [];
        // glob(3) returns names sorted; the C locale's order is ordinal.
        return Directory.EnumerateFiles(folder, name).Order(StringComparer.Ordinal);
    }

    /// <summary>Debian's multiarch folder name for an architecture: x86_64-linux-gnu.</summary>
    public static string? MultiarchTriplet(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "x86_64-linux-gnu",
        Architecture.Arm64 => "aarch64-linux-gnu",
        Architecture.Arm => "arm-linux-gnueabihf",
        Architecture.X86 => "i386-linux-gnu",
        Architecture.S390x => "s390x-linux-gnu",
        Architecture.Ppc64le => "powerpc64le-linux-gnu",
        Architecture.LoongArch64 => "loongarch64-linux-gnu",
        _ => null,
    };
}
