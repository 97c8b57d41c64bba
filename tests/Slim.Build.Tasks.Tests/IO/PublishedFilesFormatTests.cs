using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

/// <summary>
/// The files a real publish of a framework-dependent web app wrote (Fixtures/published, written by Slim before its JSON
/// moved to source-generated metadata, issue 29; only the app's folder renamed): each reads back and writes out to the
/// same bytes. Users' obj/ folders and lock files hold such files; a change of property order, naming, escaping, null
/// handling or enum form shows here.
/// </summary>
[TestClass]
public sealed class PublishedFilesFormatTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", "published", name);

    public static IEnumerable<object[]> StateFiles =>
    [
        ["settings.json"], ["needs.json"], ["app-scan.json"], ["container.json"], ["image.json"], ["checks.json"],
        ["attribution.json"], ["analysis-warnings.json"], ["sbom.json"], ["budgets.json"], ["wire-sizes.json"],
    ];

    [TestMethod]
    [DynamicData(nameof(StateFiles))]
    public void A_state_file_reads_back_and_writes_the_same_bytes(string name)
    {
        using var temp = new TempFolder();
        var source = Fixture(name);
        var written = Path.Combine(temp.Path, name);
        switch (name)
        {
            case "settings.json": SlimSettings.Load(source).Save(written); break;
            case "needs.json": RuntimeNeeds.Load(source).Save(written); break;
            case "app-scan.json": AppScan.Load(source).Save(written); break;
            case "container.json": ContainerDescription.Load(source).Save(written); break;
            case "image.json": ImageSection.TryLoad(source)!.Save(written); break;
            case "checks.json": ChecksFile.Save(written, ChecksFile.TryLoad(source)); break;
            case "attribution.json": AttributionFile.Save(written, AttributionFile.TryLoad(source)!); break;
            case "analysis-warnings.json": AnalysisWarningsFile.Save(written, AnalysisWarningsFile.Load(source)); break;
            case "sbom.json": SbomRequestFile.Save(written, SbomRequestFile.TryLoad(source)!); break;
            case "budgets.json": BudgetSettingsFile.Save(written, BudgetSettingsFile.Load(source)); break;
            case "wire-sizes.json": StateFile.Save(written, StateFile.TryLoad(source, WireSizeStateJson.Default.KeptSizes)!, WireSizeStateJson.Default.KeptSizes); break;
            default: Assert.Fail($"no reader for {name}"); break;
        }
        Assert.AreEqual(File.ReadAllText(source), File.ReadAllText(written), name);
    }

    [TestMethod]
    public void The_ledger_reads_back_and_writes_the_same_bytes()
    {
        using var temp = new TempFolder();
        var ledgers = SizeLedger.LoadAll(Fixture("ledger"));
        Assert.AreEqual(Directory.GetFiles(Fixture("ledger")).Length, ledgers.Count);
        foreach (var ledger in ledgers)
        {
            ledger.Save(temp.Path);
            Assert.AreEqual(File.ReadAllText(SizeLedger.FileFor(Fixture("ledger"), ledger.Step)), File.ReadAllText(SizeLedger.FileFor(temp.Path, ledger.Step)), ledger.Step.ToString());
        }
    }

    [TestMethod]
    public void The_report_reads_back_and_writes_the_same_bytes()
    {
        using var temp = new TempFolder();
        ReportWriter.Write(ReportReader.Read(Fixture("report.json")), temp.Path);
        Assert.AreEqual(File.ReadAllText(Fixture("report.json")), File.ReadAllText(Path.Combine(temp.Path, ReportWriter.JsonFileName)));
    }

    [TestMethod]
    public void The_package_lock_reads_back_and_writes_the_same_bytes()
    {
        var text = File.ReadAllText(Fixture(PackageLock.FileName));
        StringAssert.Contains(text, "+deb12u", "the fixture pins the unescaped '+' a person reviews");
        Assert.AreEqual(text, PackageLock.Read(Fixture(PackageLock.FileName))!.ToJson());
    }
}
