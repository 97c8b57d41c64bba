using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Elf;

/// <summary>glibc versions as numbers: GLIBC_2.34 from a symbol version, 2.36 from Debian's libc6 2.36-9+deb12u14.</summary>
internal static partial class GlibcVersion
{
    [GeneratedRegex(@"^GLIBC_(?<v>\d+(\.\d+)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolVersion();

    [GeneratedRegex(@"^(\d+:)?(?<v>\d+\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PackageVersion();

    /// <summary>GLIBC_2.2.5 -> 2.2.5; null for anything else (GLIBC_PRIVATE).</summary>
    public static Version? FromSymbolVersion(string symbolVersion) =>
        SymbolVersion().Match(symbolVersion) is { Success: true } m ? Version.Parse(m.Groups["v"].Value) : null;

    /// <summary>The upstream release of a Debian or Ubuntu libc6 version: 2.36-9+deb12u14 -> 2.36, 2.39-0ubuntu8 -> 2.39.</summary>
    public static Version? FromPackageVersion(string packageVersion) =>
        PackageVersion().Match(packageVersion) is { Success: true } m ? Version.Parse(m.Groups["v"].Value) : null;

    public static string Format(Version version) => "GLIBC_" + version.ToString();
}
