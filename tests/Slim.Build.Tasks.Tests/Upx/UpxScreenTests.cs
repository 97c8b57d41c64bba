using System.Runtime.InteropServices;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Upx;

[TestClass]
public sealed class UpxScreenTests
{
    private static readonly byte[] BundleMarker =
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    [TestMethod]
    public void A_large_executable_may_be_packed()
    {
        using var temp = new TempFolder();
        Assert.IsNull(UpxScreen.Check(NativeFixtures.LargeExecutable(temp.Path), "large", null));
    }

    [TestMethod]
    public void A_non_elf_file_is_refused_naming_the_include()
    {
        using var temp = new TempFolder();
        var json = temp.File("appsettings.json", new byte[100_000]);
        var refusal = UpxScreen.Check(json, "appsettings.json", "*.json");
        Assert.AreEqual(SlimDiagnostics.UpxRefused_NotElf, refusal?.Diagnostic);
        CollectionAssert.AreEqual(new object[] { "appsettings.json", "*.json" }, refusal!.Args);
    }

    [TestMethod]
    public void A_single_file_bundle_is_refused_but_a_plain_apphost_is_not_a_bundle()
    {
        using var temp = new TempFolder();
        var exe = File.ReadAllBytes(NativeFixtures.LargeExecutable(temp.Path));
        var bundle = temp.File("bundle", [.. exe, .. BitConverter.GetBytes(123_456L), .. BundleMarker]);
        var apphost = temp.File("apphost", [.. exe, .. new byte[8], .. BundleMarker]);

        Assert.AreEqual(SlimDiagnostics.UpxRefused_Bundle, UpxScreen.Check(bundle, "App", null)?.Diagnostic);
        Assert.IsFalse(BundleDetector.IsBundle(apphost), "an apphost carries the marker with a zero offset");
        Assert.IsFalse(BundleDetector.IsBundle(exe));
    }

    [TestMethod]
    public void The_sdk_apphost_is_not_a_bundle_until_a_bundle_offset_is_written()
    {
        var apphost = SdkAppHost();
        if (apphost is null)
        {
            var message = "no apphost under the dotnet root of the running runtime (" + RuntimeEnvironment.GetRuntimeDirectory() + ")";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(message);
            Assert.Inconclusive(message);
        }
        var content = File.ReadAllBytes(apphost);
        var marker = content.AsSpan().IndexOf(BundleMarker);
        Assert.IsTrue(marker >= 8, $"{apphost} carries no bundle marker: not the file the SDK turns into a bundle");
        Assert.IsFalse(BundleDetector.IsBundle(apphost), apphost);

        // What the SDK's bundler does: append the files and write the manifest's offset before the marker.
        BitConverter.GetBytes((long)content.Length).CopyTo(content, marker - 8);
        Assert.IsTrue(BundleDetector.IsBundle(content), "the apphost with a bundle offset was not recognised as a bundle");
    }

    /// <summary>
    /// The apphost of the SDK that runs the tests: the dotnet root is three folders above the running
    /// runtime (shared/Microsoft.NETCore.App/&lt;version&gt;/), wherever dotnet is installed.
    /// </summary>
    private static string? SdkAppHost()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var roots = new[] { runtime.Parent?.Parent?.Parent?.FullName, Environment.GetEnvironmentVariable("DOTNET_ROOT") }
            .Where(root => root is not null && Directory.Exists(root)).Distinct();
        foreach (var root in roots)
        {
            var packs = Path.Combine(root!, "packs");
            var fromPack = Directory.Exists(packs)
                ? Directory.EnumerateDirectories(packs, "Microsoft.NETCore.App.Host.*")
                    .SelectMany(pack => Directory.EnumerateFiles(pack, "apphost", SearchOption.AllDirectories)).FirstOrDefault()
                : null;
            var sdk = Path.Combine(root!, "sdk");
            var fromSdk = Directory.Exists(sdk)
                ? Directory.EnumerateDirectories(sdk).Select(version => Path.Combine(version, "AppHostTemplate", "apphost")).FirstOrDefault(File.Exists)
                : null;
            if ((fromPack ?? fromSdk) is { } found)
                return found;
        }
        return null;
    }

    [TestMethod]
    public void A_shared_library_is_packed_only_when_named_exactly()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LargeLibrary(temp.Path);
        Assert.IsTrue(ElfFile.TryRead(library)!.IsSharedLibrary);
        Assert.AreEqual(SlimDiagnostics.UpxRefused_SharedLibrary, UpxScreen.Check(library, "liblarge.so", "*.so")?.Diagnostic);
        Assert.IsNull(UpxScreen.Check(library, "liblarge.so", "liblarge.so"));
    }

    [TestMethod]
    public void The_runtimes_own_libraries_are_refused_even_when_named_exactly()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LargeLibrary(temp.Path, "libcoreclr.so");
        Assert.AreEqual(SlimDiagnostics.UpxRefused_RuntimeLibrary, UpxScreen.Check(library, "libcoreclr.so", "libcoreclr.so", FileOrigin.Runtime)?.Diagnostic);
        Assert.IsNull(UpxScreen.Check(library, "libcoreclr.so", "libcoreclr.so", FileOrigin.Package));
    }

    [TestMethod]
    public void A_pie_executable_is_not_a_shared_library()
    {
        using var temp = new TempFolder();
        var elf = ElfFile.TryRead(NativeFixtures.UnstrippedExecutable(temp.Path))!;
        Assert.IsTrue(elf.HasInterpreter);
        Assert.IsFalse(elf.IsSharedLibrary);
    }

    [TestMethod]
    public void Small_and_already_packed_files_are_refused()
    {
        using var temp = new TempFolder();
        var small = NativeFixtures.UnstrippedExecutable(temp.Path);
        Assert.AreEqual(SlimDiagnostics.UpxRefused_TooSmall, UpxScreen.Check(small, "fixture", "fixture")?.Diagnostic);

        var packed = Path.Combine(temp.Path, "packed");
        Assert.AreEqual(0, new ToolRunner().Run("upx", ["-q", "-o", packed, NativeFixtures.LargeExecutable(temp.Path)]).ExitCode);
        Assert.AreEqual(SlimDiagnostics.UpxRefused_Packed, UpxScreen.Check(packed, "packed", "packed")?.Diagnostic);
    }
}
