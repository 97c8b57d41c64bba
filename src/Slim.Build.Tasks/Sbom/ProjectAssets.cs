using System.Text.Json;

namespace Slim.Build.Tasks.Sbom;

/// <summary>A NuGet package of the restore's target, with the files it gives the app at run time.</summary>
/// <param name="RuntimeFiles">Its runtime, native and resource assets, as package-relative paths ("lib/net6.0/Humanizer.dll").</param>
internal sealed record AssetsPackage(string Id, string Version, IReadOnlyList<string> RuntimeFiles)
{
    /// <summary>The assemblies it brings ("Humanizer"), from its runtime .dll assets.</summary>
    public IEnumerable<string> Assemblies => RuntimeFiles
        .Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.Contains("/native/", StringComparison.Ordinal))
        .Select(f => Path.GetFileNameWithoutExtension(f.Replace('\\', '/').Split('/')[^1]))
        .Where(a => !a.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
        .Distinct(StringComparer.Ordinal);
}

/// <summary>A pack restore downloaded for the runtime: Microsoft.NETCore.App.Runtime.linux-x64, runtime.linux-x64.Microsoft.DotNet.ILCompiler.</summary>
internal sealed record RuntimePack(string Id, string Version);

/// <summary>
/// What obj/project.assets.json says the app is made of: the packages of the target being published (only those
/// with run-time assets: build-only packages such as ILLink's and ILCompiler's tasks ship nothing) and the runtime,
/// app host and ILCompiler packs restore downloaded for the runtime identifier, with exact versions, and the
/// NuGet.config files restore used. The one reader of that file: the SBOM, the attribution, the analysis warnings'
/// packages and the Dockerfile's restore inputs all take what they need from here.
/// </summary>
/// <param name="ConfigFilePaths">project.restore.configFilePaths: the NuGet.config files restore used, as NuGet recorded them.</param>
internal sealed record ProjectAssets(IReadOnlyList<AssetsPackage> Packages, IReadOnlyList<RuntimePack> Packs, IReadOnlyList<string> PackageFolders,
    IReadOnlyList<string> ConfigFilePaths)
{
    public static readonly ProjectAssets Empty = new([], [], [], []);

    /// <summary>libraries' "path" by "Id/Version": where each package sits under a package folder ("humanizer.core/2.14.1").</summary>
    public IReadOnlyDictionary<string, string> LibraryPaths { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The assets file a task was given, or <see cref="Empty"/> when the project was not restored (no path, no file).</summary>
    public static ProjectAssets ReadIfRestored(string? path, string targetFramework, string runtimeIdentifier) =>
        !string.IsNullOrEmpty(path) && File.Exists(path) ? Read(path, targetFramework, runtimeIdentifier) : Empty;

    /// <param name="targetFramework">net10.0</param>
    /// <param name="runtimeIdentifier">linux-x64; empty for a framework-dependent, RID-less restore.</param>
    public static ProjectAssets Read(string path, string targetFramework, string runtimeIdentifier)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var targetName = string.IsNullOrEmpty(runtimeIdentifier) ? targetFramework : $"{targetFramework}/{runtimeIdentifier}";
        var packages = new List<AssetsPackage>();
        if (root.TryGetProperty("targets", out var targets) && Target(targets, targetName) is { } target)
            foreach (var library in target.EnumerateObject())
            {
                if (library.Value.TryGetProperty("type", out var type) && type.GetString() != "package")
                    continue;
                var files = new[] { "runtime", "native", "resource", "runtimeTargets" }
                    .SelectMany(kind => library.Value.TryGetProperty(kind, out var assets) ? assets.EnumerateObject().Select(a => a.Name) : [])
                    .Where(f => !f.EndsWith("/_._", StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var (id, version) = Split(library.Name);
                if (files.Count > 0)
                    packages.Add(new AssetsPackage(id, version, files));
            }
        return new ProjectAssets(packages, ReadPacks(root, targetFramework), Folders(root), ConfigFiles(root)) { LibraryPaths = LibraryPathsOf(root) };
    }

    /// <summary>
    /// The folder a package or pack was restored into: the first of packageFolders holding its library path (a pack,
    /// which libraries does not list, sits at its lower-case id/version, as in NuGet's global packages folder); null when none has it.
    /// </summary>
    public string? PackageDirectory(string id, string version)
    {
        var relative = LibraryPaths.GetValueOrDefault($"{id}/{version}") ?? $"{id.ToLowerInvariant()}/{version.ToLowerInvariant()}";
        return PackageFolders.Select(folder => Path.Combine(folder, relative)).FirstOrDefault(Directory.Exists);
    }

    /// <summary>The files a pack holds for the runtime (its runtimes/ folder, or all of it), by file name, from the first package folder that has it.</summary>
    public IReadOnlyList<string> PackFiles(RuntimePack pack)
    {
        if (PackageDirectory(pack.Id, pack.Version) is not { } directory)
            return [];
        var runtimes = Path.Combine(directory, "runtimes");
        var searched = Directory.Exists(runtimes) ? runtimes : directory;
        return Directory.EnumerateFiles(searched, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static JsonElement? Target(JsonElement targets, string name)
    {
        foreach (var target in targets.EnumerateObject())
            if (target.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return target.Value;
        return null;
    }

    private static IReadOnlyList<RuntimePack> ReadPacks(JsonElement root, string targetFramework)
    {
        if (!root.TryGetProperty("project", out var project) || !project.TryGetProperty("frameworks", out var frameworks))
            return [];
        var packs = new List<RuntimePack>();
        foreach (var framework in frameworks.EnumerateObject())
        {
            if (!framework.Name.Equals(targetFramework, StringComparison.OrdinalIgnoreCase) || !framework.Value.TryGetProperty("downloadDependencies", out var downloads))
                continue;
            foreach (var download in downloads.EnumerateArray())
            {
                var name = download.GetProperty("name").GetString() ?? "";
                if (IsRuntimePack(name))
                    packs.Add(new RuntimePack(name, ExactVersion(download.GetProperty("version").GetString() ?? "")));
            }
        }
        return packs.DistinctBy(p => (p.Id, p.Version)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Runtime, app host and ILCompiler packs ship code into the app; reference packs only compile it.</summary>
    private static bool IsRuntimePack(string name) =>
        name.Contains(".App.Runtime.", StringComparison.OrdinalIgnoreCase) || name.Contains(".App.Host.", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".Microsoft.DotNet.ILCompiler", StringComparison.OrdinalIgnoreCase);

    /// <summary>"[10.0.12, 10.0.12]" -> "10.0.12".</summary>
    private static string ExactVersion(string range) => range.Trim('[', ']', '(', ')', ' ').Split(',')[0].Trim();

    private static IReadOnlyList<string> Folders(JsonElement root) =>
        root.TryGetProperty("packageFolders", out var folders) ? folders.EnumerateObject().Select(f => f.Name).ToList() : [];

    private static Dictionary<string, string> LibraryPathsOf(JsonElement root)
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
            foreach (var library in libraries.EnumerateObject())
                if (library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
                    paths[library.Name] = path.GetString()!;
        return paths;
    }

    private static IReadOnlyList<string> ConfigFiles(JsonElement root) =>
        root.TryGetProperty("project", out var project) && project.ValueKind == JsonValueKind.Object
            && project.TryGetProperty("restore", out var restore) && restore.ValueKind == JsonValueKind.Object
            && restore.TryGetProperty("configFilePaths", out var paths) && paths.ValueKind == JsonValueKind.Array
            ? paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList()
            : [];

    private static (string Id, string Version) Split(string library)
    {
        var slash = library.IndexOf('/');
        return slash < 0 ? (library, "") : (library[..slash], library[(slash + 1)..]);
    }
}
