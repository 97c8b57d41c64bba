using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Sbom;
namespace Slim.Build.Tasks.Tests.Attribution;
[TestClass]
public class ScratchTests
{
    [TestMethod]
    public void Dump()
    {
        var s = MstatReader.Read("/tmp/sbom-exp/web/obj/Release/net10.0/linux-x64/native/WebApp.mstat");
        foreach (var a in s.Assemblies.OrderByDescending(a => a.Value).Take(12)) Console.WriteLine($"{a.Key} {a.Value}");
        Console.WriteLine($"asm total {s.AssemblyBytes} blobs {s.BlobBytes} count {s.Assemblies.Count}");
        foreach (var a in s.Blobs.OrderByDescending(a => a.Value).Take(8)) Console.WriteLine($"blob {a.Key} {a.Value}");
        var assets = ProjectAssets.Read("/tmp/sbom-exp/web/obj/project.assets.json", "net10.0", "linux-x64");
        foreach (var p in assets.Packs) Console.WriteLine($"pack {p.Id} {p.Version} files {assets.PackFiles(p).Count}");
        var index = new PackageIndex(assets);
        var split = ExecutableSplitter.Split("WebApp", 10723728, "x", s, "WebApp", index);
        foreach (var a in split.Assemblies.Take(15)) Console.WriteLine(a);
        Console.WriteLine($"native {split.NativeBytes} {split.NativeOrigin}");
        Console.WriteLine(System.Text.Encoding.UTF8.GetString(CycloneDxWriter.Write(new SbomRequest("WebApp", "1.0.0", SbomRequest.FromAssets(assets), DateTimeOffset.UnixEpoch, "1.0"))));
    }
}
