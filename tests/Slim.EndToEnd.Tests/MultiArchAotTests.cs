using System.Text.RegularExpressions;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// NativeAOT for linux-x64;linux-arm64 on this x64 machine (issue 28, phase 2): the arm64 executable is linked by clang
/// and lld against a sysroot Slim unpacks from Debian's arm64 packages, pinned in the lock's sysroot section. Both
/// images are taken out of the index and run (the arm64 one under qemu); they print the same, and a second publish of
/// the unchanged app gives the same index digest.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class MultiArchAotTests
{
    /// <summary>Shared with MultiArchTests and PackageBaseTests: the archive's index and .deb files are downloaded once.</summary>
    private static readonly string PackageCache = Path.Combine(Path.GetTempPath(), "slim-e2e-package-cache");

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;
    private static string SlimDirectory => Path.Combine(_app.Directory, "bin", "Release", "net10.0", "linux-x64", "slim");
    private static string Index => Path.Combine(SlimDirectory, "image.tar");

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        MultiArchAotWebTests.RequireEmulator();
        _app = TestApp.Console("MultiArchAot", SlimForm.PackageReference,
            "<PublishAot>true</PublishAot><ContainerRuntimeIdentifiers>linux-x64;linux-arm64</ContainerRuntimeIdentifiers>",
            program: """
                Console.WriteLine($"Hello from Slim, {1234.5:N1}, {DateTime.UnixEpoch.AddDays(20000):yyyy-MM-dd}");
                Console.WriteLine(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture);
                """);
        _publish = _app.Publish("-p:SlimCacheDirectory=" + PackageCache);
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    [TestMethod]
    public void The_arm64_executable_is_an_aarch64_elf_linked_against_the_pinned_sysroot()
    {
        Assert.AreEqual(183, IndexImage.ElfMachine(Path.Combine(_app.Directory, "bin", "Release", "net10.0", "linux-arm64", "publish", _app.Name)), "EM_AARCH64");
        Assert.AreEqual(62, IndexImage.ElfMachine(Path.Combine(_app.Directory, "bin", "Release", "net10.0", "linux-x64", "publish", _app.Name)), "EM_X86_64");
        var lockFile = Files.Json(Path.Combine(_app.Directory, "slim.packages.lock.json"));
        var sysroot = lockFile.GetProperty("sysroot").EnumerateArray().ToList();
        CollectionAssert.AreEquivalent(new[] { "libc6", "libc6-dev", "libgcc-12-dev", "libgcc-s1" }, sysroot.Select(p => p.GetProperty("name").GetString()).ToArray());
        Assert.IsTrue(sysroot.All(p => p.GetProperty("architecture").GetString() == "arm64"), "only the foreign architecture needs a sysroot");
        Assert.IsFalse(lockFile.GetProperty("packages").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "libc6-dev"),
            "the base's pins are its own: no -dev package enters an image");
        Assert.IsTrue(Directory.EnumerateDirectories(Path.Combine(PackageCache, "sysroots")).Any(), "the sysroot is assembled in SlimCacheDirectory/sysroots/");
        Assert.IsFalse(_publish.Output.Contains("SLIM3001"), "strip did not fail on the aarch64 executable: " + _publish.Output);
    }

    [TestMethod]
    public void The_arm64_image_prints_under_emulation_what_the_amd64_image_prints()
    {
        var printed = new Dictionary<string, string[]>();
        var tags = new List<string>();
        try
        {
            foreach (var arch in new[] { "amd64", "arm64" })
            {
                var tag = $"localhost/multiarchaot-{arch}:1";
                tags.Add(tag);
                IndexImage.Load(Index, arch, tag, _app.Directory);
                var run = Podman.Run(_app.Directory, "run", "--rm", "--arch", arch, tag);
                Assert.AreEqual(0, run.ExitCode, $"{arch}: {run.Output}");
                printed[arch] = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
        finally
        {
            Podman.Run(_app.Directory, ["rmi", "-f", .. tags]);
        }
        Assert.AreEqual("Hello from Slim, 1,234.5, 2024-10-04", printed["amd64"][0]);
        Assert.AreEqual(printed["amd64"][0], printed["arm64"][0], "the arm64 image prints otherwise than the amd64 one");
        Assert.AreEqual("X64", printed["amd64"][1]);
        Assert.AreEqual("Arm64", printed["arm64"][1], "the arm64 image ran its own executable, under qemu");
    }

    /// <summary>Runs last: publishes the unchanged app again.</summary>
    [TestMethod]
    public void Zz_the_same_publish_again_gives_the_same_index_digest()
    {
        var again = _app.Publish("-p:SlimCacheDirectory=" + PackageCache);

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        Assert.AreEqual(IndexDigest(_publish.Output), IndexDigest(again.Output), "an unchanged NativeAOT publish for two architectures is reproducible");
    }

    internal static string IndexDigest(string output)
    {
        var digest = Regex.Match(output, @"Slim: image index \S+ \((sha256:[0-9a-f]{64})\)").Groups[1].Value;
        Assert.AreNotEqual("", digest, output);
        return digest;
    }
}
