using System.Text.Json;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimCollectSbom then SlimWriteSbom, the SBOM of a publish without an image, on this test project's own restore.</summary>
[TestClass]
public sealed class SbomTaskTests
{
    [TestMethod]
    public void Without_an_image_the_sbom_lists_the_packages_and_passes_the_schema()
    {
        using var folder = new TempFolder();
        var engine = new RecordingBuildEngine();
        var request = Path.Combine(folder.Path, "obj", "sbom.json");
        var publish = Path.Combine(folder.Path, "publish");
        folder.File("publish/ICSharpCode.SharpZipLib.dll", 10);
        var collect = new SlimCollectSbom
        {
            BuildEngine = engine, ProjectName = "App", AssetsFile = OwnAssetsFile.Path, TargetFramework = "net10.0", AppVersion = "2.0.0", RequestFile = request,
            PublishDirectory = publish,
        };
        Assert.IsTrue(collect.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        var task = new SlimWriteSbom { BuildEngine = engine, RequestFile = request, OutputDirectory = folder.Path };
        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        var file = Path.Combine(folder.Path, "App.cdx.json");
        var (valid, output) = CycloneDxSchema.Validate(file);
        Assert.IsTrue(valid, output);
        using var bom = JsonDocument.Parse(File.ReadAllBytes(file));
        var purls = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        CollectionAssert.Contains(purls, "pkg:nuget/SharpZipLib@1.4.2");
        var sharpZipLib = bom.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "SharpZipLib");
        Assert.IsFalse(sharpZipLib.TryGetProperty("scope", out _), "its assembly is in the publish folder: it ships");
        Assert.AreEqual("MIT", sharpZipLib.GetProperty("licenses")[0].GetProperty("expression").GetString());
        Assert.AreEqual(128, sharpZipLib.GetProperty("hashes")[0].GetProperty("content").GetString()!.Length);
        var excluded = bom.RootElement.GetProperty("components").EnumerateArray().Where(c => c.TryGetProperty("scope", out _)).Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.IsTrue(excluded.Count > 0 && excluded.All(n => n != "SharpZipLib"), "packages whose files are not in the publish folder are marked excluded: " + string.Join(", ", excluded));
        Assert.AreEqual("pkg:generic/App@2.0.0", bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("purl").GetString());
        Assert.IsFalse(purls.Any(p => p!.StartsWith("pkg:deb/", StringComparison.Ordinal)), "no image, no base packages");
        Assert.AreEqual("2.0.0", bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("version").GetString());
    }

    [TestMethod]
    public void A_missing_assets_file_is_SLIM7040_and_the_sbom_still_names_the_app()
    {
        using var folder = new TempFolder();
        var engine = new RecordingBuildEngine();
        var missing = Path.Combine(folder.Path, "obj", "project.assets.json");
        var request = Path.Combine(folder.Path, "obj", "sbom.json");
        Assert.IsTrue(new SlimCollectSbom { BuildEngine = engine, ProjectName = "App", AssetsFile = missing, RequestFile = request }.Execute());
        Assert.IsTrue(new SlimWriteSbom { BuildEngine = engine, RequestFile = request, OutputDirectory = folder.Path }.Execute());
        var warning = engine.Warnings.Single();
        Assert.AreEqual("SLIM7040", warning.Code);
        StringAssert.Contains(warning.Message, missing);
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "App.cdx.json")));
    }

    [TestMethod]
    public void The_request_is_collected_once_and_read_back_as_it_was_written()
    {
        using var folder = new TempFolder();
        var engine = new RecordingBuildEngine();
        var request = Path.Combine(folder.Path, "sbom.json");
        Assert.IsTrue(new SlimCollectSbom { BuildEngine = engine, ProjectName = "App", AssetsFile = OwnAssetsFile.Path, TargetFramework = "net10.0", AppVersion = "2.0.0", RequestFile = request }.Execute());
        var read = Slim.Build.Tasks.Sbom.SbomRequestFile.TryLoad(request);
        Assert.IsNotNull(read);
        Assert.AreEqual("App.cdx.json", read.FileName);
        var expected = Slim.Build.Tasks.Sbom.ShippedComponents.From(Slim.Build.Tasks.Sbom.ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", ""),
            Slim.Build.Tasks.Sbom.PublishedContent.Of([], "App", nativeAot: false, null));
        CollectionAssert.AreEqual(expected.ToList(), read.Components.ToList());
        Assert.IsTrue(read.Components.Any(c => c.Kind == Slim.Build.Tasks.Sbom.SbomComponentKind.NuGetPackage && c.Name == "SharpZipLib"));
        Assert.IsNull(Slim.Build.Tasks.Sbom.SbomRequestFile.TryLoad(Path.Combine(folder.Path, "none.json")), "SlimSbom=false collects nothing");
    }
}
