using Slim.Build.Tasks.Sbom;

using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Sbom;

/// <summary>Read on this test project's own obj/project.assets.json: a real restore, not a hand-made one.</summary>
[TestClass]
public sealed class ProjectAssetsTests
{
    private static ProjectAssets Read() => ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", "");

    [TestMethod]
    public void Packages_with_run_time_assets_are_listed_with_their_assemblies()
    {
        var sharpZipLib = Read().Packages.SingleOrDefault(p => p.Id == "SharpZipLib");
        Assert.IsNotNull(sharpZipLib, string.Join(", ", Read().Packages.Select(p => p.Id)));
        Assert.AreEqual("1.4.2", sharpZipLib.Version);
        CollectionAssert.AreEqual(new[] { "ICSharpCode.SharpZipLib" }, sharpZipLib.Assemblies.ToArray());
    }

    [TestMethod]
    public void Packages_that_ship_nothing_at_run_time_are_left_out()
    {
        // MSTest.Analyzers brings analyzers only: nothing of it reaches the app.
        var ids = Read().Packages.Select(p => p.Id).ToList();
        CollectionAssert.DoesNotContain(ids, "MSTest.Analyzers");
        Assert.AreEqual(0, Read().Packs.Count, "a RID-less restore downloads no runtime pack");
    }

    [TestMethod]
    public void An_unknown_target_lists_no_packages()
    {
        Assert.AreEqual(0, ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", "linux-riscv128").Packages.Count);
    }

    [TestMethod]
    public void The_NuGet_config_files_restore_used_are_read_with_the_rest()
    {
        var configs = Read().ConfigFilePaths;
        Assert.IsTrue(configs.Count > 0, "a real restore records the NuGet.config files it used");
        Assert.IsTrue(configs.All(c => Path.IsPathFullyQualified(c) && Path.GetFileName(c).Equals("nuget.config", StringComparison.OrdinalIgnoreCase)), string.Join(", ", configs));
    }

    [TestMethod]
    public void A_project_never_restored_has_empty_assets_and_no_error()
    {
        using var temp = new TempFolder();
        Assert.AreSame(ProjectAssets.Empty, ProjectAssets.ReadIfRestored(Path.Combine(temp.Path, "obj", "project.assets.json"), "net10.0", ""));
        Assert.AreSame(ProjectAssets.Empty, ProjectAssets.ReadIfRestored("", "net10.0", ""));
        Assert.AreEqual("SharpZipLib", ProjectAssets.ReadIfRestored(OwnAssetsFile.Path, "net10.0", "").Packages.Single(p => p.Id == "SharpZipLib").Id);
    }
}
