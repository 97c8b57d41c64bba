namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real container engine on the tests' own store (PodmanStore), set up the way this machine needs it (DESIGN.md):
/// vfs storage, cgroupfs, runc, no default ulimits, chroot isolation for builds. Missing podman skips a test locally and fails it in CI.
/// </summary>
internal static class Podman
{
    private static readonly Lazy<bool> Installed = new(() => Which("podman"));
    private static readonly Lazy<string> StandIns = new(BuildStandIns);
    private static readonly Lazy<bool> Tidied = new(Tidy);

    /// <summary>A distroless-like glibc base with user app (1654), built from this machine's libc.</summary>
    public const string StandInBase = "localhost/slim-standin-base:1";
    /// <summary>Debian 12 with gcc, zlib and this machine's .NET SDK: the build stage for aot.</summary>
    public const string StandInSdk = "localhost/slim-standin-sdk:10.0";

    public static void RequireOrSkip()
    {
        if (Installed.Value)
        {
            _ = Tidied.Value;
            return;
        }
        const string message = "podman is not installed: container tests need it (build/bootstrap.sh installs it).";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
        Console.Error.WriteLine("**** SKIPPED: " + message + " ****");
        Assert.Inconclusive("SKIPPED: " + message);
    }

    /// <summary>
    /// The store outlives the runs (the stand-ins are built once per machine); what earlier runs left untagged (images
    /// a later build of the same tag replaced, a Dockerfile build's stages: up to 1.3 GB each on vfs) goes, once per
    /// run. Only what is an hour old: another run on the machine may be building now.
    /// </summary>
    private static bool Tidy()
    {
        Run(PodmanStore.Folder, "container", "prune", "-f", "--filter", "until=1h");
        Run(PodmanStore.Folder, "image", "prune", "-f", "--filter", "until=1h");
        return true;
    }

    /// <summary>Builds the stand-ins for the official .NET images once per machine, in the tests' store (build/standin-images.sh).</summary>
    public static void EnsureStandIns()
    {
        RequireOrSkip();
        Assert.AreEqual("", StandIns.Value, "build/standin-images.sh failed");
    }

    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("podman", [.. PodmanStore.Options, .. arguments], workingDirectory, PodmanStore.Environment(), TimeSpan.FromMinutes(15));

    /// <summary>--layers=false: with vfs every intermediate layer is a full copy of the build stage's 1 GB tree; the Dockerfile is the same.</summary>
    public static ProcessResult Build(string dockerfile, string context, string tag) =>
        Run(context, "build", "--isolation", "chroot", "--layers=false", "-f", dockerfile, "-t", tag, context);

    public static string Inspect(string image, string format) =>
        Run(SlimFeed.RunRoot, "image", "inspect", image, "--format", format).Output.Trim();

    /// <summary>
    /// The properties that turn SlimSmokeRun on with podman on the tests' own store (PodmanStore); the store's
    /// configuration files reach the task through SlimFeed.Environment().
    /// </summary>
    public static string[] SmokeRunProperties() => ["-p:SlimSmokeRun=true", "-p:SlimSmokeRunEngineArgs=" + string.Join(' ', PodmanStore.Options)];

    private static string BuildStandIns()
    {
        var script = Path.Combine(Repository.Root, "build", "standin-images.sh");
        var result = ProcessRunner.Run(script, [], Repository.Root, PodmanStore.Environment(), TimeSpan.FromMinutes(20));
        return result.ExitCode == 0 ? "" : result.Output;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
