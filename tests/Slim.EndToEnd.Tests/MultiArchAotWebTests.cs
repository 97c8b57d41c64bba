using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// A NativeAOT web app for linux-x64;linux-arm64 on this x64 machine (issue 28, phase 2): the arm64 image, its executable
/// cross-linked against Slim's sysroot, serves under qemu the answer the amd64 image serves.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class MultiArchAotWebTests
{
    private const string Emulator = "/proc/sys/fs/binfmt_misc/qemu-aarch64";
    private static readonly string PackageCache = Path.Combine(Path.GetTempPath(), "slim-e2e-package-cache");

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string Index => Path.Combine(_app.Directory, "bin", "Release", "net10.0", "linux-x64", "slim", "image.tar");

    /// <summary>Skips (fails under CI=true) without podman or a registered qemu-aarch64.</summary>
    internal static void RequireEmulator()
    {
        Podman.RequireOrSkip();
        if (File.Exists(Emulator))
            return;
        const string message = "qemu-aarch64 is not registered in binfmt_misc: build/bootstrap.sh installs qemu-user-static and registers it.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
        Assert.Inconclusive("SKIPPED: " + message);
    }

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        RequireEmulator();
        _app = TestApp.SlimBuilderWeb("MultiArchAotWeb", SlimForm.PackageReference,
            "<PublishAot>true</PublishAot><ContainerRuntimeIdentifiers>linux-x64;linux-arm64</ContainerRuntimeIdentifiers>");
        _publish = _app.Publish("-p:SlimCacheDirectory=" + PackageCache);
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    [TestMethod]
    public async Task The_arm64_image_serves_under_emulation_what_the_amd64_image_serves()
    {
        var answers = new List<string?>();
        var tags = new List<string>();
        try
        {
            foreach (var arch in new[] { "amd64", "arm64" })
            {
                var tag = $"localhost/multiarchaotweb-{arch}:1";
                tags.Add(tag);
                IndexImage.Load(Index, arch, tag, _app.Directory);
                using var container = WebContainer.Start(tag, "slim-e2e-multiarch-aot-" + arch, architecture: arch);
                var answer = await Http.GetWithin(container.Url, TimeSpan.FromSeconds(arch == "arm64" ? 120 : 40));
                Assert.IsNotNull(answer, $"the {arch} image did not answer; logs:\n" + Podman.Run(SlimFeed.RunRoot, "logs", container.Name).Output);
                answers.Add(answer);
            }
        }
        finally
        {
            Podman.Run(_app.Directory, ["rmi", "-f", .. tags]);
        }
        Assert.AreEqual("Hello World!", answers[0]);
        Assert.AreEqual(answers[0], answers[1], "the arm64 image answers otherwise than the amd64 one");
        Assert.AreEqual(183, IndexImage.ElfMachine(Path.Combine(_app.Directory, "bin", "Release", "net10.0", "linux-arm64", "publish", _app.Name)), "EM_AARCH64");
    }
}
