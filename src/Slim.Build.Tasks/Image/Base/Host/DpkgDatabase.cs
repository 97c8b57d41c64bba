namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// Which installed Debian package owns a file, read from dpkg's own database (info/*.list and status)
/// once, rather than one dpkg -S per file. On a usr-merged system dpkg knows each file by the path its
/// package shipped it at: libc6's as /lib/x86_64-linux-gnu/libc.so.6, libssl3's as
/// /usr/lib/x86_64-linux-gnu/libssl.so.3, whichever the loader found it by. <see cref="OwnerOf"/> tries
/// both spellings of the path and of the file behind it. The lists are read only when an answer is not in
/// the per-user <see cref="DpkgOwnerCache"/>.
/// </summary>
internal sealed class DpkgDatabase
{
    public const string DefaultRoot = "/var/lib/dpkg";

    /// <summary>The folders usr-merge made links into /usr.</summary>
    private static readonly string[] MergedFolders = ["/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"];

    private readonly string root;
    private readonly DpkgOwnerCache? cache;
    private readonly Dictionary<string, DebianPackage> byListName;
    private Dictionary<string, DebianPackage>? byFile;

    private DpkgDatabase(string root, IReadOnlyList<DebianPackage> installed, DpkgOwnerCache? cache)
    {
        this.root = root;
        this.cache = cache;
        Installed = installed;
        byListName = new Dictionary<string, DebianPackage>(StringComparer.Ordinal);
        foreach (var package in installed)
            byListName.TryAdd(package.ListName, package);
    }

    /// <summary>Every installed package.</summary>
    public IReadOnlyList<DebianPackage> Installed { get; }

    /// <summary>Null when <paramref name="root"/> has no status file: not a dpkg system.</summary>
    /// <param name="cacheDirectory">Where earlier builds' answers are kept (<see cref="DpkgOwnerCache"/>); null: none, every list is read.</param>
    public static DpkgDatabase? Read(string root = DefaultRoot, string? cacheDirectory = null)
    {
        var statusFile = Path.Combine(root, "status");
        if (!File.Exists(statusFile))
            return null;
        List<DebianPackage> installed;
        using (var reader = File.OpenText(statusFile))
            installed = [.. DpkgStatusFile.Parse(reader).Where(p => p.IsInstalled)];
        return new DpkgDatabase(root, installed, cacheDirectory is null ? null : DpkgOwnerCache.Open(cacheDirectory, root));
    }

    public DebianPackage? Package(string name) => Installed.FirstOrDefault(p => p.Name == name);

    /// <summary>The package that installed <paramref name="path"/>, <paramref name="realPath"/> (the file behind it), or either's usr-merge twin.</summary>
    public DebianPackage? OwnerOf(string path, string? realPath = null)
    {
        var spellings = Spellings(path).Concat(realPath is null ? [] : Spellings(realPath)).ToList();
        if (cache is not null && cache.TryAnswer(spellings, out var listName))
            return listName is null ? null : byListName.GetValueOrDefault(listName);
        var files = ByFile();
        DebianPackage? owner = null;
        foreach (var spelling in spellings)
        {
            owner = files.GetValueOrDefault(spelling);
            cache?.Record(spelling, owner?.ListName);
            if (owner is not null)
                break;
        }
        return owner;
    }

    /// <summary>Keeps this build's answers for the next (best effort).</summary>
    public void SaveAnswers() => cache?.Save();

    /// <summary>Every installed file's package, from every package's .list: read once, and only when an answer is not cached.</summary>
    private Dictionary<string, DebianPackage> ByFile()
    {
        if (byFile is not null)
            return byFile;
        byFile = new Dictionary<string, DebianPackage>(StringComparer.Ordinal);
        var info = Path.Combine(root, "info");
        foreach (var package in Installed)
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
        return byFile;
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
