using System.Globalization;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// Finds on the build machine the files behind the needs the runtime loads without a DT_NEEDED
/// entry: it dlopens ICU and OpenSSL by soname and reads the CA bundle and tzdata as files. Names
/// are looked up, never assumed: the ICU version is whatever the highest libicuuc.so.NN here is.
/// </summary>
internal sealed class HostNeedFiles(IReadOnlyList<string> libraryFolders)
{
    public const string ZoneInfo = "/usr/share/zoneinfo";

    /// <summary>The loader's folders this instance looks in.</summary>
    public IReadOnlyList<string> LibraryFolders => libraryFolders;

    /// <summary>Where OpenSSL builds look for the bundle: Debian and Ubuntu, Fedora and RHEL, Alpine and macOS.</summary>
    public static readonly IReadOnlyList<string> CaBundlePaths = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"];

    /// <summary>The pairs .NET's OpenSSL shim tries, newest first.</summary>
    private static readonly string[][] OpenSslPairs = [["libssl.so.3", "libcrypto.so.3"], ["libssl.so.1.1", "libcrypto.so.1.1"]];

    private static readonly string[] IcuParts = ["libicuuc", "libicui18n", "libicudata"];
    private static readonly Regex IcuUc = new(@"^libicuuc\.so\.(?<major>\d+)$", RegexOptions.CultureInvariant);

    public static HostNeedFiles OfThisMachine() => new(SystemLibraryFolders.OfThisMachine());

    /// <summary>libicuuc, libicui18n and libicudata .so.NN for the highest NN that has all three, with their closure.</summary>
    public HostLookup Icu()
    {
        var tried = libraryFolders.Select(f => Path.Combine(f, "libicuuc.so.NN")).ToList();
        var majors = libraryFolders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "libicuuc.so.*"))
            .Select(p => IcuUc.Match(Path.GetFileName(p)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .OrderDescending();
        foreach (var major in majors)
        {
            var files = Libraries(IcuParts.Select(p => $"{p}.so.{major}"), tried);
            if (files is not null)
                return WithClosure("ICU", files, tried);
        }
        return new HostLookup("ICU", [], tried);
    }

    /// <summary>libssl and libcrypto, the 3 pair or else the 1.1 pair, with their closure.</summary>
    public HostLookup OpenSsl()
    {
        var tried = new List<string>();
        foreach (var pair in OpenSslPairs)
            if (Libraries(pair, tried) is { } files)
                return WithClosure("OpenSSL", files, tried);
        return new HostLookup("OpenSSL", [], tried);
    }

    /// <summary>The first CA bundle of <paramref name="candidates"/> (default <see cref="CaBundlePaths"/>) that exists.</summary>
    public static HostLookup CaBundle(IReadOnlyList<string>? candidates = null)
    {
        var tried = new List<string>();
        foreach (var path in candidates ?? CaBundlePaths)
        {
            tried.Add(path);
            if (File.Exists(path) && RealPath.Of(path) is { } real)
                return new HostLookup("CA bundle", [new HostFile(path, path, real, new FileInfo(real).Length)], tried);
        }
        return new HostLookup("CA bundle", [], tried);
    }

    /// <summary>
    /// Every regular file under <paramref name="folder"/>, named relative to it (Europe/Paris). Links
    /// are neither followed nor counted: the zone aliases (posix/, right/ on some systems, US/...)
    /// point at files counted once already.
    /// </summary>
    public static HostLookup TimeZones(string folder = ZoneInfo)
    {
        if (!Directory.Exists(folder))
            return new HostLookup("tzdata", [], [folder]);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, ReturnSpecialDirectories = false };
        var files = new DirectoryInfo(folder).EnumerateFiles("*", options)
            .Select(f => new HostFile(Path.GetRelativePath(folder, f.FullName), f.FullName, f.FullName, f.Length))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return new HostLookup("tzdata", files, [folder]);
    }

    /// <summary>Each soname from the first library folder that has it, or null unless all are found.</summary>
    private List<HostFile>? Libraries(IEnumerable<string> soNames, List<string> tried)
    {
        var files = new List<HostFile>();
        foreach (var soName in soNames)
        {
            var found = libraryFolders.Select(f => Path.Combine(f, soName)).FirstOrDefault(File.Exists);
            if (found is null || RealPath.Of(found) is not { } real)
            {
                tried.AddRange(libraryFolders.Select(f => Path.Combine(f, soName)));
                return null;
            }
            tried.Add(found);
            files.Add(new HostFile(soName, found, real, new FileInfo(real).Length));
        }
        return files;
    }

    private HostLookup WithClosure(string need, List<HostFile> files, List<string> tried) =>
        new(need, files, tried, LibraryClosure.Resolve(files.Select(f => f.Path), libraryFolders));
}
