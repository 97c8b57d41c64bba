using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Prune;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Pipeline;

[TestClass]
public sealed class PublishPlannerTests
{
    private static readonly PlanOptions Defaults = new(MoveSymbols: true, Strip: true, new PruneRules(true, [], []), []);

    [TestMethod]
    public void Sorts_each_file_into_ship_symbols_prune_or_strip()
    {
        using var temp = new TempFolder();
        var items = new List<PublishItem>
        {
            Item(temp, "App.dll", 1000, FileOrigin.App),
            Item(temp, "App.pdb", 300, FileOrigin.App),
            Item(temp, "appsettings.Development.json", 50, FileOrigin.Content),
            Item(temp, "createdump", 110_000, FileOrigin.Runtime),
            new(NativeFixtures.UnstrippedLibrary(temp.Path), "runtimes/linux-x64/native/libfixture.so", FileOrigin.Package),
            Item(temp, "already-stripped.so", 64, FileOrigin.Package),
        };

        var plan = PublishPlanner.Plan(items, [], Defaults);

        CollectionAssert.AreEqual(new[] { "App.pdb" }, plan.ToSymbols.Select(i => i.RelativePath).ToArray());
        CollectionAssert.AreEquivalent(new[] { "appsettings.Development.json", "createdump" }, plan.ToPrune.Select(i => i.RelativePath).ToArray());
        CollectionAssert.AreEqual(new[] { "runtimes/linux-x64/native/libfixture.so" }, plan.ToStrip.Select(i => i.RelativePath).ToArray());
    }

    [TestMethod]
    public void Records_what_a_plain_publish_ships_and_what_each_step_saves()
    {
        using var temp = new TempFolder();
        var native = Item(temp, "native/App", 5000, FileOrigin.App);
        var dbg = Item(temp, "native/App.dbg", 12_000, FileOrigin.App) with { RelativePath = "App.dbg" };

        var plan = PublishPlanner.Plan([native with { RelativePath = "App" }, Item(temp, "createdump", 700, FileOrigin.Runtime)], [dbg], Defaults);

        var published = plan.Ledgers.Single(l => l.Step == LedgerStep.Publish);
        Assert.AreEqual(17_700, published.Entries.Sum(e => e.Before));
        Assert.AreEqual(12_000, plan.Ledgers.Single(l => l.Step == LedgerStep.Symbols).BytesSaved);
        Assert.AreEqual(700, plan.Ledgers.Single(l => l.Step == LedgerStep.Prune).BytesSaved);
        Assert.AreEqual("App.dbg", plan.ToSymbols.Single().RelativePath);
    }

    [TestMethod]
    public void Another_platforms_runtime_assets_are_not_stripped()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var items = new List<PublishItem>
        {
            new(library, "runtimes/linux-x64/native/libfixture.so", FileOrigin.Package),
            new(library, "runtimes/linux-arm64/native/libfixture.so", FileOrigin.Package),
        };

        var plan = PublishPlanner.Plan(items, [], new PlanOptions(true, true, new PruneRules(true, [], []), [], "linux-x64"));

        CollectionAssert.AreEqual(new[] { "runtimes/linux-x64/native/libfixture.so" }, plan.ToStrip.Select(i => i.RelativePath).ToArray(),
            "a RID-less publish ships arm64's files too; the host's strip cannot read them (SLIM3001 for each)");
    }

    [TestMethod]
    [DataRow(false, false, false)]
    [DataRow(true, false, false)]
    [DataRow(false, true, false)]
    [DataRow(false, false, true)]
    [DataRow(true, true, true)]
    public void Each_step_moves_its_file_only_when_switched_on(bool moveSymbols, bool pruneRuntimePieces, bool strip)
    {
        using var temp = new TempFolder();
        var items = new List<PublishItem>
        {
            Item(temp, "App.dll", 1000, FileOrigin.App),
            Item(temp, "App.pdb", 300, FileOrigin.App),
            Item(temp, "createdump", 700, FileOrigin.Runtime),
            Item(temp, "appsettings.Development.json", 50, FileOrigin.Content),
            new(NativeFixtures.UnstrippedLibrary(temp.Path), "libfixture.so", FileOrigin.Package),
        };

        var plan = PublishPlanner.Plan(items, [], new PlanOptions(moveSymbols, strip, new PruneRules(pruneRuntimePieces, [], []), []));

        CollectionAssert.AreEqual(moveSymbols ? new[] { "App.pdb" } : [], plan.ToSymbols.Select(i => i.RelativePath).ToArray(), "MoveSymbols=" + moveSymbols);
        // Development settings never ship, whatever SlimPruneRuntimePieces says; createdump follows it.
        CollectionAssert.AreEquivalent(pruneRuntimePieces ? new[] { "createdump", "appsettings.Development.json" } : ["appsettings.Development.json"],
            plan.ToPrune.Select(i => i.RelativePath).ToArray(), "PruneRuntimePieces=" + pruneRuntimePieces);
        CollectionAssert.AreEqual(strip ? new[] { "libfixture.so" } : [], plan.ToStrip.Select(i => i.RelativePath).ToArray(), "Strip=" + strip);

        var leaving = plan.ToSymbols.Concat(plan.ToPrune).Select(i => i.RelativePath).ToHashSet();
        var shipped = items.Select(i => i.RelativePath).Where(p => !leaving.Contains(p)).ToList();
        CollectionAssert.Contains(shipped, "App.dll");
        Assert.AreEqual(!moveSymbols, shipped.Contains("App.pdb"), "App.pdb published");
        Assert.AreEqual(!pruneRuntimePieces, shipped.Contains("createdump"), "createdump published");
        Assert.AreEqual(moveSymbols ? 300 : 0, plan.Ledgers.Single(l => l.Step == LedgerStep.Symbols).BytesSaved);
        Assert.AreEqual(pruneRuntimePieces ? 750 : 50, plan.Ledgers.Single(l => l.Step == LedgerStep.Prune).BytesSaved);
        Assert.AreEqual(items.Count, plan.Ledgers.Single(l => l.Step == LedgerStep.Publish).Entries.Count);
    }

    [TestMethod]
    public void SlimStripExclude_keeps_a_file_unstripped()
    {
        using var temp = new TempFolder();
        var items = new List<PublishItem> { new(NativeFixtures.UnstrippedLibrary(temp.Path), "libfixture.so", FileOrigin.Package) };
        var plan = PublishPlanner.Plan(items, [], Defaults with { StripExclude = ["libfixture.so"] });
        Assert.AreEqual(0, plan.ToStrip.Count);
    }

    private static PublishItem Item(TempFolder temp, string relative, int size, FileOrigin origin) =>
        new(temp.File("src/" + relative, size), relative, origin);
}
