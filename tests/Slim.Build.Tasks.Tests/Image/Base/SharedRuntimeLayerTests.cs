using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>
/// The shared runtime's layer from a .NET installation laid out like a real one, with several versions
/// installed; its native file is a real one (libSystem.Native.so of the installation the tests run on), so the
/// closure it needs from the base is the loader's, not a guess.
/// </summary>
[TestClass]
public sealed class SharedRuntimeLayerTests
{
    private const string NetCore = "Microsoft.NETCore.App";
    private const string AspNetCore = "Microsoft.AspNetCore.App";
    private static readonly string RealNative = Directory.EnumerateFiles(DotnetRoot.Shared(NetCore), "libSystem.Native.so", SearchOption.AllDirectories).First();

    private static string Installation(TempFolder temp, params string[] netCoreVersions)
    {
        var root = Path.Combine(temp.Path, "dotnet");
        foreach (var version in netCoreVersions)
        {
            temp.File($"dotnet/shared/{NetCore}/{version}/System.Runtime.dll", 10);
            temp.File($"dotnet/shared/{NetCore}/{version}/createdump", 10);
            File.Copy(RealNative, Path.Combine(root, "shared", NetCore, version, "libSystem.Native.so"));
        }
        temp.File($"dotnet/shared/{AspNetCore}/10.0.12/Microsoft.AspNetCore.dll", 10);
        temp.File($"dotnet/shared/{AspNetCore}/10.0.12/{AspNetCore}.runtimeconfig.json", System.Text.Encoding.UTF8.GetBytes(
            $$"""{ "runtimeOptions": { "rollForward": "LatestPatch", "framework": { "name": "{{NetCore}}", "version": "10.0.12" } } }"""));
        temp.File("dotnet/host/fxr/10.0.3/libhostfxr.so", 10);
        temp.File("dotnet/host/fxr/10.0.12/libhostfxr.so", 10);
        temp.File("dotnet/dotnet", 10);
        temp.File("dotnet/LICENSE.txt", 10);
        return root;
    }

    private static string RuntimeConfig(TempFolder temp, string framework, string version) =>
        temp.File("publish/App.runtimeconfig.json", System.Text.Encoding.UTF8.GetBytes(
            $$"""{ "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "{{framework}}", "version": "{{version}}" } } }"""));

    private static SharedRuntimeLayer Layer(string root) =>
        new(new DotnetInstallation(root), [root], SystemLibraryFolders.OfThisMachine(), pruneRuntimePieces: true);

    [TestMethod]
    public void A_web_app_gets_both_frameworks_at_the_rolled_forward_version_where_the_apphost_and_dotnet_find_them()
    {
        using var temp = new TempFolder();
        var root = Installation(temp, "10.0.3", "10.0.12", "11.0.0");
        var diagnostics = new RecordingDiagnostics();

        var runtime = Layer(root).Plan(RuntimeConfig(temp, AspNetCore, "10.0.0"), needsMuxer: true, diagnostics);

        Assert.AreEqual(0, diagnostics.Items.Count, string.Join("; ", diagnostics.Items.Select(i => string.Join(" | ", i.Args))));
        Assert.AreEqual("shared runtime: Microsoft.NETCore.App 10.0.12, Microsoft.AspNetCore.App 10.0.12", runtime!.Holds);
        var paths = runtime.Entries.Where(e => e.Kind != LayerEntryKind.Directory).Select(e => e.Path).ToList();
        CollectionAssert.AreEquivalent(new[]
        {
            "usr/bin/dotnet",
            "usr/share/dotnet/LICENSE.txt",
            "usr/share/dotnet/dotnet",
            "usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so",
            $"usr/share/dotnet/shared/{AspNetCore}/10.0.12/{AspNetCore}.runtimeconfig.json",
            $"usr/share/dotnet/shared/{AspNetCore}/10.0.12/Microsoft.AspNetCore.dll",
            $"usr/share/dotnet/shared/{NetCore}/10.0.12/System.Runtime.dll",
            $"usr/share/dotnet/shared/{NetCore}/10.0.12/libSystem.Native.so",
        }, paths, string.Join(", ", paths) + " (createdump is pruned, only the highest hostfxr ships)");
        Assert.AreEqual("/usr/share/dotnet/dotnet", runtime.Entries.Single(e => e.Path == "usr/bin/dotnet").LinkTarget);
        Assert.AreEqual(Path.Combine(root, "shared", NetCore, "10.0.12", "System.Runtime.dll"),
            runtime.Entries.Single(e => e.Path.EndsWith("10.0.12/System.Runtime.dll", StringComparison.Ordinal)).SourceFile);
        CollectionAssert.Contains(runtime.Environment.ToList(), ("DOTNET_ROOT", "/usr/share/dotnet"));
        var needed = runtime.HostLibraries.Select(l => l.Name).ToList();
        CollectionAssert.Contains(needed, "libc.so.6", "libSystem.Native.so needs libc: " + string.Join(", ", needed));
        Assert.IsTrue(runtime.HostLibraries.All(l => !l.Ships && l.HostPath is not null));
    }

    [TestMethod]
    public void An_apphost_entrypoint_gets_no_muxer_and_SlimPruneRuntimePieces_false_keeps_createdump()
    {
        using var temp = new TempFolder();
        var root = Installation(temp, "10.0.12");
        var runtime = new SharedRuntimeLayer(new DotnetInstallation(root), [root], SystemLibraryFolders.OfThisMachine(), pruneRuntimePieces: false)
            .Plan(RuntimeConfig(temp, NetCore, "10.0.0"), needsMuxer: false, new RecordingDiagnostics())!;
        var paths = runtime.Entries.Select(e => e.Path).ToList();
        Assert.IsFalse(paths.Contains("usr/bin/dotnet") || paths.Contains("usr/share/dotnet/dotnet"), string.Join(", ", paths));
        CollectionAssert.Contains(paths, $"usr/share/dotnet/shared/{NetCore}/10.0.12/createdump");
        Assert.AreEqual("shared runtime: Microsoft.NETCore.App 10.0.12", runtime.Holds);
    }

    [TestMethod]
    public void No_version_to_roll_forward_to_is_SLIM4040_naming_the_framework_the_version_and_what_is_installed()
    {
        using var temp = new TempFolder();
        var root = Installation(temp, "9.0.8", "11.0.0");
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(Layer(root).Plan(RuntimeConfig(temp, NetCore, "10.0.0"), needsMuxer: true, diagnostics));

        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.FrameworkRuntimeMissing, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { NetCore, "10.0.0", "Minor", root, "9.0.8, 11.0.0" }, error.Args);
        Assert.AreEqual("SLIM4040", error.Diagnostic.Code);
    }

    [TestMethod]
    public void No_installation_and_no_runtimeconfig_are_errors_that_say_where_Slim_looked()
    {
        using var temp = new TempFolder();
        var none = new RecordingDiagnostics();
        Assert.IsNull(new SharedRuntimeLayer(null, ["/opt/none"], [], true).Plan(RuntimeConfig(temp, NetCore, "10.0.0"), true, none));
        Assert.AreEqual(SlimDiagnostics.FrameworkRuntimeNoInstallation, none.Items.Single().Diagnostic);
        StringAssert.Contains(string.Join(" ", none.Items.Single().Args), "/opt/none");

        var missing = new RecordingDiagnostics();
        Assert.IsNull(Layer(Installation(temp, "10.0.12")).Plan(Path.Combine(temp.Path, "publish", "Other.runtimeconfig.json"), true, missing));
        Assert.AreEqual(SlimDiagnostics.FrameworkRuntimeConfigUnreadable, missing.Items.Single().Diagnostic);
    }
}
