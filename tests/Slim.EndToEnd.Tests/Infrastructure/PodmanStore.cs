namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The podman store the end-to-end tests own, never the machine's default one: podman records in each store the
/// driver that made it, so forcing vfs on a default store another tool made with overlay fails every command
/// ("database storage graph driver … does not match"). The folder outlives the run so the stand-in images are
/// built once per machine; build/standin-images.sh gets it through SLIM_PODMAN_STORE and defaults to the same one.
/// </summary>
internal static class PodmanStore
{
    /// <summary>podman refuses a runroot longer than this.</summary>
    private const int RunRootLimit = 50;

    public static string Folder { get; } = ChooseFolder();
    public static string Root => Path.Combine(Folder, "root");
    public static string RunRoot => Path.Combine(Folder, "run");
    private static string StorageConf => Path.Combine(Folder, "storage.conf");
    private static string ContainersConf => Path.Combine(Folder, "containers.conf");

    /// <summary>Global options before every podman command: this store, vfs, and the engine settings this machine needs (DESIGN.md).</summary>
    public static string[] Options => ["--root", Root, "--runroot", RunRoot, "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--runtime", "runc"];

    /// <summary>
    /// CONTAINERS_STORAGE_CONF and CONTAINERS_CONF for every process that may start podman (a publish's smoke run,
    /// the stand-in script): they replace the user's storage.conf and containers.conf, whose driver or options would
    /// otherwise leak in.
    /// </summary>
    public static Dictionary<string, string> ConfigurationEnvironment()
    {
        _ = Prepare.Value;
        return new() { ["CONTAINERS_STORAGE_CONF"] = StorageConf, ["CONTAINERS_CONF"] = ContainersConf, ["SLIM_PODMAN_STORE"] = Folder };
    }

    /// <summary>
    /// The configuration, and XDG_DATA_HOME for the podman commands the tests run themselves: a rootless podman keeps
    /// its blob-info cache there (default ~/.local/share/containers/cache).
    /// </summary>
    public static Dictionary<string, string> Environment() =>
        new(ConfigurationEnvironment()) { ["XDG_DATA_HOME"] = Path.Combine(Folder, "data") };

    private static readonly Lazy<bool> Prepare = new(() =>
    {
        Directory.CreateDirectory(Folder);
        Write(StorageConf, $"[storage]\ndriver = \"vfs\"\ngraphroot = \"{Root}\"\nrunroot = \"{RunRoot}\"\n");
        Write(ContainersConf, "[containers]\ndefault_ulimits = []\n\n[engine]\ncgroup_manager = \"cgroupfs\"\nruntime = \"runc\"\nevents_logger = \"file\"\n");
        return true;
    });

    /// <summary>Through a rename: a concurrent run reads either file whole.</summary>
    private static void Write(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return;
        var temp = path + "." + System.Environment.ProcessId;
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private static string ChooseFolder()
    {
        var name = "slim-e2e-podman-" + System.Environment.UserName;
        var folder = Path.Combine(Path.GetTempPath(), name);
        return Path.Combine(folder, "run").Length <= RunRootLimit ? folder : Path.Combine("/tmp", name);
    }
}
