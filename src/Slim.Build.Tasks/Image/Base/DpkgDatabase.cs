namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// Which installed Debian package owns a file, read from dpkg's own database (info/*.list and status)
/// once, rather than one dpkg -S per file. On a usr-merged system dpkg knows each file by the path its
/// package shipped it at: libc6's as /lib/x86_64-linux-gnu/libc.so.6, libssl3's as
/// /usr/lib/x86_64-linux-gnu/libssl.so.3, whichever the loader found it by. <see cref="OwnerOf"/> tries
/// both spellings of the path and of the file behind it.
/// </summary>
internal sealed class DpkgDatabase
{
    public const string DefaultRoot = "/var/lib/dpkg";

    /// <summary>The folders usr-merge made links into /usr.</summary>
    private static readonly string[] MergedFolders = ["/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"];

    private readonly Dictionary<string, DebianPackage> byFile;

    private DpkgDatabase(Dictionary<string, DebianPackage> byFile, IReadOnlyList<DebianPackage> installed)
    {
        this.byFile = byFile;
        Installed = installed;
    }

    /// <summary>Every installed package.</summary>
    public IReadOnlyList<DebianPackage> Installed { get; }

    /// <summary>Null when <paramref name="root"/> has no status file: not a dpkg system.</summary>
    public static DpkgDatabase? Read(string root = DefaultRoot)
    {
        var statusFile = Path.Combine(root, "status");
        if (!File.Exists(statusFile))
            return null;
        List<DebianPackage> installed;
        using (var reader = File.OpenText(statusFile))
            installed = [.. DpkgStatusFile.Parse(reader).Where(p => p.IsInstalled)];

        var byFile = new Dictionary<string, DebianPackage>(StringComparer.Ordinal);
        var info = Path.Combine(root, "info");
        foreach (var package in installed)
        {
            // Multi-Arch: same packages' lists carry the architecture; older or arch-less ones do not.
            var list = new[] { package.ListName, package.Name, $"{package.Name}:{package.Architecture}" }
                .Select(n => Path.Combine(info, n + ".list")).FirstOrDefault(File.Exists);
            if (list is null)
                continue;
            foreach (var line in File.ReadLines(list))
                if (line.Length > 1)
                    byFile.TryAdd(line, package);
        }
        return new DpkgDatabase(byFile, installed);
    }

    public DebianPackage? Package(string name) => Installed.FirstOrDefault(p => p.Name == name);

    /// <summary>The package that installed <paramref name="path"/>, <paramref name="realPath"/> (the file behind it), or either's usr-merge twin.</summary>
    public DebianPackage? OwnerOf(string path, string? realPath = null)
    {
        foreach (var candidate in Spellings(path).Concat(realPath is null ? [] : Spellings(realPath)))
            if (byFile.TryGetValue(candidate, out var package))
                return package;
        return null;
    }

    /// <summary>/usr/lib/x -> [/usr/lib/x, /lib/x]; /lib/x -> [/lib/x, /usr/lib/x]; other paths alone.</summary>
    public static IEnumerable<string> Spellings(string path)
    {
        yield return path;
        if (MergedFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)))
            yield return "/usr" + path;
        else if (path.StartsWith("/usr/", StringComparison.Ordinal) && MergedFolders.Any(f => path.AsSpan(4).StartsWith(f, StringComparison.Ordinal)))
            yield return path[4..];
    }
}
