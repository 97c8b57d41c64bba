using System.Security.Cryptography;
using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Attribution;

/// <summary>The size map's assemblies are kept by the map's bytes: the same bytes are not parsed again, other bytes are.</summary>
[TestClass]
public sealed class MstatAssembliesTests
{
    [TestMethod]
    public void The_same_bytes_give_the_kept_assemblies_and_other_bytes_are_parsed_again()
    {
        using var temp = new TempFolder();
        // No size map at all: parsing it would throw, so an answer can only come from what was kept.
        var map = temp.File("native/App.mstat", "not an assembly"u8.ToArray());
        var memo = Path.Combine(temp.Path, "slim", "mstat-assemblies.json");
        var sha256 = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(map)));
        StateFile.Save(memo, new MstatAssemblies(sha256, ["App", "System.Private.CoreLib"]), AttributionStateJson.Default.MstatAssemblies);

        CollectionAssert.AreEqual(new[] { "App", "System.Private.CoreLib" }, MstatAssemblies.Read(map, memo).ToArray());

        File.WriteAllBytes(map, "not an assembly either"u8.ToArray());
        Assert.ThrowsExactly<BadImageFormatException>(() => MstatAssemblies.Read(map, memo), "other bytes: the map is read, and this one is no assembly");
    }
}
