using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Which Debian package gives a shared library, by its soname: the libraries glibc's package carries, the few whose
/// package Debian names otherwise (libz.so.1 is zlib1g's), and else Debian policy's rule (§8.1): libfoo.so.1 is in
/// libfoo1, libfoo-2.0.so.0 in libfoo-2.0-0, lower case, '_' as '-'. The package is then checked to hold the file.
/// </summary>
internal static partial class SoNamePackages
{
    public const string Glibc = "libc6";

    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["libz.so.1"] = "zlib1g",
        ["libssl.so.3"] = "libssl3",
        ["libcrypto.so.3"] = "libssl3",
        ["libstdc++.so.6"] = "libstdc++6",
        ["libgcc_s.so.1"] = "libgcc-s1",
        ["liblzma.so.5"] = "liblzma5",
    };

    /// <summary>glibc's libraries and loaders: all in libc6.</summary>
    private static readonly Regex GlibcLibrary = GlibcPattern();

    private static readonly Regex Versioned = VersionedPattern();

    public static string PackageOf(string soName)
    {
        if (GlibcLibrary.IsMatch(soName))
            return Glibc;
        if (Exceptions.TryGetValue(soName, out var package))
            return package;
        if (IcuLibrary().Match(soName) is { Success: true } icu)
            return "libicu" + icu.Groups["major"].Value;
        var match = Versioned.Match(soName);
        if (!match.Success)
            return soName.ToLowerInvariant();
        var name = match.Groups["name"].Value;
        var version = match.Groups["version"].Value;
        var separator = char.IsAsciiDigit(name[^1]) ? "-" : "";
        return (name + separator + version).ToLowerInvariant().Replace('_', '-');
    }

    [GeneratedRegex(@"^(ld-linux[-a-z0-9_]*\.so\.\d+|ld64\.so\.\d+|lib(c|m|dl|pthread|rt|resolv|util|anl|nsl|mvec|BrokenLocale|thread_db|nss_(files|dns|compat|hesiod))\.so\.\d+(\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex GlibcPattern();

    [GeneratedRegex(@"^(?<name>.+)\.so\.(?<version>[0-9][0-9.]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedPattern();

    [GeneratedRegex(@"^libicu(uc|i18n|data|io|tu|test)\.so\.(?<major>\d+)$", RegexOptions.CultureInvariant)]
    public static partial Regex IcuLibrary();
}
