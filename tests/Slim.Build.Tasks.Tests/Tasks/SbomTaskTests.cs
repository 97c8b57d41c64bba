using System.Text.Json;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimWriteSbom, the SBOM of a publish without an image, on this test project's own restore.</summary>
[TestClass]
public sealed class SbomTaskTests
{
    [TestMethod]
    public void Without_an_image_the_sbom_lists_the_packages_and_passes_the_schema()
    {
        using var folder = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = new SlimWriteSbom
        {
            BuildEngine = engine, ProjectName = "App", OutputDirectory = folder.Path, AssetsFile = OwnAssetsFile.Path,
            TargetFramework = "net10.0", AppVersion = "2.0.0",
        };
        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        var file = Path.Combine(folder.Path, "App.cdx.json");
        var (valid, output) = CycloneDxSchema.Validate(file);
        Assert.IsTrue(valid, output);
        using var bom = JsonDocument.Parse(File.ReadAllBytes(file));
        var purls = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        CollectionAssert.Contains(purls, "pkg:nuget/SharpZipLib@1.4.2");
        Assert.IsFalse(purls.Any(p => p!.StartsWith("pkg:deb/", StringComparison.Ordinal)), "no image, no base packages");
        Assert.AreEqual("2.0.0", bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("version").GetString());
    }

    [TestMethod]
    public void A_missing_assets_file_is_SLIM7040_and_the_sbom_still_names_the_app()
    {
        using var folder = new TempFolder();
        var engine = new RecordingBuildEngine();
        var missing = Path.Combine(folder.Path, "obj", "project.assets.json");
        Assert.IsTrue(new SlimWriteSbom { BuildEngine = engine, ProjectName = "App", OutputDirectory = folder.Path, AssetsFile = missing }.Execute());
        var warning = engine.Warnings.Single();
        Assert.AreEqual("SLIM7040", warning.Code);
        StringAssert.Contains(warning.Message, missing);
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "App.cdx.json")));
    }
}
