namespace Slim.Build.Tasks.Tests.Image;

/// <summary>
/// podman as this machine needs it (DESIGN.md: vfs, cgroupfs, runc, no default ulimits), with its own
/// storage under the test's temp folder so a test never sees or leaves images in the machine's store.
/// </summary>
internal sealed class PodmanForTests
{
    private readonly string[] _options;
    private readonly Dictionary<string, string> _environment;

    private PodmanForTests(string folder)
    {
        var conf = Path.Combine(folder, "containers.conf");
        File.WriteAllText(conf, "[containers]\ndefault_ulimits = []\n");
        _environment = new() { ["CONTAINERS_CONF"] = conf };
        StorageRoot = Path.Combine(folder, "storage");
        _options = ["--root", StorageRoot, "--runroot", Path.Combine(folder, "run"),
            "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--runtime", "runc"];
    }

    /// <summary>podman's --root: vfs-layers/layers.json there holds the digests podman computed for each layer.</summary>
    public string StorageRoot { get; }

    public static PodmanForTests Create(string tempFolder)
    {
        ImageArchiveTests.RequireOrSkip("podman");
        var folder = Path.Combine(tempFolder, "podman-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return new PodmanForTests(folder);
    }

    public string Run(params string[] arguments) => Tool.Run("podman", _environment, [.. _options, .. arguments]);

    public (int ExitCode, string Output) TryRun(params string[] arguments) => Tool.TryRun("podman", _environment, [.. _options, .. arguments]);
}
