using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Prune;
using Slim.Build.Tasks.Tests.TestSupport;

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
            Item(temp, "App.dll", 1000, "app"),
            Item(temp, "App.pdb", 300, "app"),
            Item(temp, "appsettings.Development.json", 50, "content"),
            Item(temp, "createdump", 110_000, "runtime"),
            new(NativeFixtures.UnstrippedLibrary(temp.Path), "runtimes/linux-x64/native/libfixture.so", "package"),
            Item(temp, "already-stripped.so", 64, "package"),
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
        var native = Item(temp, "native/App", 5000, "app");
        var dbg = Item(temp, "native/App.dbg", 12_000, "app") with { RelativePath = "App.dbg" };

        var plan = PublishPlanner.Plan([native with { RelativePath = "App" }, Item(temp, "createdump", 700, "runtime")], [dbg], Defaults);

        var published = plan.Ledgers.Single(l => l.Step == "publish");
        Assert.AreEqual(17_700, published.Entries.Sum(e => e.Before));
        Assert.AreEqual(12_000, plan.Ledgers.Single(l => l.Step == "symbols").BytesSaved);
        Assert.AreEqual(700, plan.Ledgers.Single(l => l.Step == "prune").BytesSaved);
        Assert.AreEqual("App.dbg", plan.ToSymbols.Single().RelativePath);
    }

    [TestMethod]
    public void Switched_off_steps_do_nothing()
    {
        using var temp = new TempFolder();
        var items = new List<PublishItem>
        {
            Item(temp, "App.pdb", 300, "app"),
            new(NativeFixtures.UnstrippedLibrary(temp.Path), "libfixture.so", "package"),
        };
        var plan = PublishPlanner.Plan(items, [], new PlanOptions(false, false, new PruneRules(false, [], []), []));
        Assert.AreEqual(0, plan.ToSymbols.Count + plan.ToPrune.Count + plan.ToStrip.Count);
    }

    [TestMethod]
    public void SlimStripExclude_keeps_a_file_unstripped()
    {
        using var temp = new TempFolder();
        var items = new List<PublishItem> { new(NativeFixtures.UnstrippedLibrary(temp.Path), "libfixture.so", "package") };
        var plan = PublishPlanner.Plan(items, [], Defaults with { StripExclude = ["libfixture.so"] });
        Assert.AreEqual(0, plan.ToStrip.Count);
    }

    private static PublishItem Item(TempFolder temp, string relative, int size, string origin) =>
        new(temp.File("src/" + relative, size), relative, origin);
}
