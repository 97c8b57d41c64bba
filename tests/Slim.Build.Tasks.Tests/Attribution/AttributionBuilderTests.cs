using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Sbom;

using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Attribution;

/// <summary>
/// Attribution of a framework-style publish folder against this test project's own restore
/// (obj/project.assets.json): package files are named by package and version, the rest by origin.
/// </summary>
[TestClass]
public sealed class AttributionBuilderTests
{
    private static PackageIndex Index() => new(ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", ""));

    [TestMethod]
    public void Package_files_are_named_by_package_and_every_byte_is_counted_once()
    {
        PublishedFile[] files =
        [
            new("App.dll", 1000, FileOrigin.App),
            new("ICSharpCode.SharpZipLib.dll", 200_000, FileOrigin.Package),
            new("appsettings.json", 50, FileOrigin.Content),
        ];
        var attribution = AttributionBuilder.Build(files, Index(), null, null, null, "/app");
        var sharpZipLib = attribution.Publish.Single(o => o.Kind == "nuget-package");
        Assert.AreEqual("SharpZipLib", sharpZipLib.Name);
        Assert.AreEqual("1.4.2", sharpZipLib.Version);
        Assert.AreEqual(200_000, sharpZipLib.Bytes);
        Assert.AreEqual(files.Sum(f => f.Size), attribution.Publish.Sum(o => o.Bytes));
        CollectionAssert.AreEqual(new[] { "nuget-package", "app", "content" }, attribution.Publish.Select(o => o.Kind).ToArray(), "largest first");
        Assert.IsNull(attribution.Image);
    }

    [TestMethod]
    public void A_package_none_of_whose_assemblies_was_published_is_trimmed_away()
    {
        var withSharpZipLib = AttributionBuilder.Build([new("ICSharpCode.SharpZipLib.dll", 1, FileOrigin.Package)], Index(), null, null, null, "/app");
        CollectionAssert.DoesNotContain(withSharpZipLib.TrimmedAway.Select(p => p.Name).ToList(), "SharpZipLib");
        var without = AttributionBuilder.Build([new("App.dll", 1, FileOrigin.App)], Index(), null, null, null, "/app");
        CollectionAssert.Contains(without.TrimmedAway.Select(p => p.Name).ToList(), "SharpZipLib");
    }

    [TestMethod]
    public void An_executable_split_replaces_the_file_with_its_assemblies_and_native_part()
    {
        var sizes = new MstatSizes(new Dictionary<string, long> { ["App"] = 100, ["ICSharpCode.SharpZipLib"] = 300, ["System.Private.CoreLib"] = 500 },
            new Dictionary<string, long> { ["Metadata"] = 50 });
        var split = ExecutableSplitter.Split("App", 1000, "App.mstat", sizes, "App", Index());
        Assert.AreEqual(100, split.NativeBytes);
        Assert.AreEqual("SharpZipLib", split.Assemblies.Single(a => a.Assembly == "ICSharpCode.SharpZipLib").Name);
        var attribution = AttributionBuilder.Build([new("App", 1000, FileOrigin.App)], Index(), split, null, null, "/app");
        Assert.AreEqual(1000, attribution.Publish.Sum(o => o.Bytes));
        Assert.AreEqual(300, attribution.Publish.Single(o => o.Name == "SharpZipLib").Bytes);
        CollectionAssert.DoesNotContain(attribution.TrimmedAway.Select(p => p.Name).ToList(), "SharpZipLib");
    }

    [TestMethod]
    public void A_map_larger_than_the_file_is_scaled_to_it()
    {
        var sizes = new MstatSizes(new Dictionary<string, long> { ["System.Private.CoreLib"] = 3000, ["App"] = 1000 }, new Dictionary<string, long>());
        var split = ExecutableSplitter.Split("App", 2000, "App.mstat", sizes, "App", Index());
        Assert.AreEqual(2000, split.Assemblies.Sum(a => a.Bytes) + split.NativeBytes);
        Assert.AreEqual(1500, split.Assemblies.Single(a => a.Assembly == "System.Private.CoreLib").Bytes);
    }

    [TestMethod]
    public void The_section_is_written_to_report_json_and_read_back()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 1000);
        var measured = Slim.Build.Tasks.Report.ReportBuilder.Build(Path.Combine(temp.Path, "publish"), [], new("Slim", "1.0.0"),
            new("App", "aot", "safe", "net10.0", "linux-x64"), [], null, new Slim.Build.Tasks.Analysis.AnalysisWarnings(0, [], "none"), Slim.Build.Tasks.Budgets.BudgetSettings.None);
        var split = ExecutableSplitter.Split("App", 1000, "App.mstat",
            new MstatSizes(new Dictionary<string, long> { ["ICSharpCode.SharpZipLib"] = 400 }, new Dictionary<string, long>()), "App", Index());
        var report = measured with { Attribution = AttributionBuilder.Build(measured.Files, Index(), split, null, null, "/app") };
        Slim.Build.Tasks.Report.ReportWriter.Write(report, Path.Combine(temp.Path, "slim"));

        var back = Slim.Build.Tasks.Report.ReportReader.Read(Path.Combine(temp.Path, "slim", "report.json"));
        Assert.IsNotNull(back.Attribution);
        Assert.AreEqual(400, back.Attribution.Executable!.Assemblies.Single().Bytes);
        CollectionAssert.AreEqual(report.Attribution.Publish.Select(o => (o.Kind, o.Name, o.Bytes)).ToList(), back.Attribution.Publish.Select(o => (o.Kind, o.Name, o.Bytes)).ToList());
        StringAssert.Contains(File.ReadAllText(Path.Combine(temp.Path, "slim", "report.md")), "| ICSharpCode.SharpZipLib | SharpZipLib 1.4.2 | 400 |");
    }
}
