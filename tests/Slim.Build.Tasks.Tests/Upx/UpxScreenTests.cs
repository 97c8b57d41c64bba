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
    public void The_sdk_apphost_is_not_a_bundle()
    {
        var apphost = Directory.EnumerateFiles("/usr/share/dotnet/packs", "apphost", SearchOption.AllDirectories).FirstOrDefault()
                      ?? Directory.EnumerateFiles("/usr/lib/dotnet/packs", "apphost", SearchOption.AllDirectories).FirstOrDefault();
        if (apphost is null)
            Assert.Inconclusive("no apphost pack on this machine");
        Assert.IsFalse(BundleDetector.IsBundle(apphost));
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
