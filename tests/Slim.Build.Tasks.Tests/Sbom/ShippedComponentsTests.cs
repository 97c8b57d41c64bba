using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Sbom;

/// <summary>
/// Which restored packages and packs the SBOM lists, from what the publish folder (and a NativeAOT executable) holds.
/// The packs sit in a package folder made here with the files the real packs hold for those names.
/// </summary>
[TestClass]
public sealed class ShippedComponentsTests
{
    private const string CoreClr = "Microsoft.NETCore.App.Runtime.linux-x64";
    private const string AspNetCore = "Microsoft.AspNetCore.App.Runtime.linux-x64";
    private const string NativeAot = "Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64";
    private const string ILCompiler = "runtime.linux-x64.Microsoft.DotNet.ILCompiler";
    private const string AppHost = "Microsoft.NETCore.App.Host.linux-x64";

    private static ProjectAssets Assets(TempFolder folder)
    {
        void Pack(string id, params string[] files)
        {
            foreach (var file in files)
                folder.File($"{id.ToLowerInvariant()}/10.0.12/runtimes/linux-x64/{file}");
        }
        Pack(CoreClr, "lib/net10.0/System.Console.dll", "lib/net10.0/System.Private.CoreLib.dll", "native/libcoreclr.so");
        Pack(AspNetCore, "lib/net10.0/Microsoft.AspNetCore.Http.dll");
        Pack(NativeAot, "lib/net10.0/System.Console.dll", "native/System.Private.CoreLib.dll", "native/libRuntime.WorkstationGC.a");
        Pack(AppHost, "native/apphost");
        folder.File($"{ILCompiler.ToLowerInvariant()}/10.0.12/tools/ilc");
        return new ProjectAssets(
            [new AssetsPackage("Humanizer.Core", "2.14.1", ["lib/netstandard2.0/Humanizer.dll"]), new AssetsPackage("Newtonsoft.Json.Bson", "1.0.2", ["lib/netstandard2.0/Newtonsoft.Json.Bson.dll"])],
            [new RuntimePack(AspNetCore, "10.0.12"), new RuntimePack(AppHost, "10.0.12"), new RuntimePack(CoreClr, "10.0.12"), new RuntimePack(NativeAot, "10.0.12"), new RuntimePack(ILCompiler, "10.0.12")],
            [folder.Path], []);
    }

    private static Dictionary<string, SbomComponent> Listed(ProjectAssets assets, PublishedContent published) =>
        ShippedComponents.From(assets, published).ToDictionary(c => c.Name);

    [TestMethod]
    public void A_NativeAOT_console_app_lists_the_NativeAOT_runtime_and_the_compiler_as_a_build_tool_and_neither_JIT_nor_ASP_NET_Core_pack()
    {
        using var folder = new TempFolder();
        var listed = Listed(Assets(folder), PublishedContent.Of(["App"], "App", nativeAot: true, ["App", "System.Private.CoreLib", "System.Console", "Humanizer"]));
        Assert.IsNull(listed[NativeAot].NotShippedBecause, "the NativeAOT pack's runtime is compiled into the executable");
        Assert.AreEqual(ShippedComponents.BuildTool, listed[ILCompiler].NotShippedBecause);
        Assert.IsFalse(listed.ContainsKey(CoreClr), "the JIT runtime pack is not in a NativeAOT image");
        Assert.IsFalse(listed.ContainsKey(AspNetCore), "a console app carries no ASP.NET Core");
        Assert.IsFalse(listed.ContainsKey(AppHost), "a NativeAOT executable is no app host");
        Assert.IsNull(listed["Humanizer.Core"].NotShippedBecause, "ILC compiled Humanizer in");
        Assert.AreEqual(ShippedComponents.TrimmedAway, listed["Newtonsoft.Json.Bson"].NotShippedBecause);
    }

    [TestMethod]
    public void A_NativeAOT_web_app_lists_the_ASP_NET_Core_pack_whose_code_ILC_compiled_in()
    {
        using var folder = new TempFolder();
        var listed = Listed(Assets(folder), PublishedContent.Of(["App"], "App", nativeAot: true, ["App", "System.Private.CoreLib", "Microsoft.AspNetCore.Http"]));
        Assert.IsNull(listed[AspNetCore].NotShippedBecause);
        Assert.IsFalse(listed.ContainsKey(CoreClr));
    }

    [TestMethod]
    public void Without_a_size_map_a_NativeAOT_app_keeps_its_packages_and_still_leaves_out_the_JIT_runtime()
    {
        using var folder = new TempFolder();
        var listed = Listed(Assets(folder), PublishedContent.Of(["App"], "App", nativeAot: true, compiledAssemblies: null));
        Assert.IsNull(listed["Newtonsoft.Json.Bson"].NotShippedBecause, "unknown is not trimmed away");
        Assert.IsFalse(listed.ContainsKey(CoreClr));
        Assert.IsTrue(listed.ContainsKey(NativeAot));
    }

    [TestMethod]
    public void A_self_contained_app_lists_the_packs_whose_files_are_in_the_publish_folder()
    {
        using var folder = new TempFolder();
        var listed = Listed(Assets(folder), PublishedContent.Of(["App", "App.dll", "libcoreclr.so", "System.Private.CoreLib.dll", "Humanizer.dll"], "App", nativeAot: false, null));
        Assert.IsNull(listed[CoreClr].NotShippedBecause);
        Assert.IsNull(listed[AppHost].NotShippedBecause, "the app's executable is the app host");
        Assert.IsFalse(listed.ContainsKey(AspNetCore));
        Assert.IsFalse(listed.ContainsKey(NativeAot));
        Assert.IsFalse(listed.ContainsKey(ILCompiler));
        Assert.IsNull(listed["Humanizer.Core"].NotShippedBecause);
        Assert.AreEqual(ShippedComponents.TrimmedAway, listed["Newtonsoft.Json.Bson"].NotShippedBecause, "ILLink removed its assembly");
    }
}
