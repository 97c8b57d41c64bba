using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Ledger;

[TestClass]
public sealed class SizeLedgerTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [TestMethod]
    public void The_steps_are_in_pipeline_order()
    {
        CollectionAssert.AreEqual(new[] { LedgerStep.Publish, LedgerStep.Symbols, LedgerStep.Prune, LedgerStep.Strip, LedgerStep.Upx },
            SizeLedger.StepOrder.ToArray());
    }

    [TestMethod]
    public void Saves_and_loads_back_every_step_in_pipeline_order()
    {
        using var temp = new TempFolder();
        var dir = Path.Combine(temp.Path, "ledger");
        new SizeLedger(LedgerStep.Upx, [new("App", 100, 40, LedgerAction.Packed, FileOrigin.App, 90, 45)]).Save(dir);
        new SizeLedger(LedgerStep.Strip, [new("libz.so", 50, 30, LedgerAction.Stripped, FileOrigin.Package)]).Save(dir);
        new SizeLedger(LedgerStep.Publish, [new("b.dll", 10, 10, LedgerAction.Published, FileOrigin.App), new("App", 100, 100, LedgerAction.Published, FileOrigin.App)]).Save(dir);

        Assert.IsTrue(File.Exists(Path.Combine(dir, "strip.json")));
        var loaded = SizeLedger.LoadAll(dir);
        CollectionAssert.AreEqual(new[] { LedgerStep.Publish, LedgerStep.Strip, LedgerStep.Upx }, loaded.Select(l => l.Step).ToArray());
        CollectionAssert.AreEqual(new[] { "App", "b.dll" }, loaded[0].Entries.Select(e => e.Path).ToArray(), "entries sorted by path");
        Assert.AreEqual(new LedgerEntry("libz.so", 50, 30, LedgerAction.Stripped, FileOrigin.Package), loaded[1].Entries.Single());
        Assert.AreEqual(new LedgerEntry("App", 100, 40, LedgerAction.Packed, FileOrigin.App, 90, 45), loaded[2].Entries.Single());
        Assert.AreEqual(60, loaded[2].BytesSaved);
        StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "upx.json")), "\"action\": \"packed\"");
    }

    [TestMethod]
    public void An_unchanged_save_keeps_the_file_timestamp()
    {
        using var temp = new TempFolder();
        var ledger = new SizeLedger(LedgerStep.Prune, [new("createdump", 700, 0, LedgerAction.Pruned, FileOrigin.Runtime)]);
        ledger.Save(temp.Path);
        var file = SizeLedger.FileFor(temp.Path, LedgerStep.Prune);
        File.SetLastWriteTimeUtc(file, LongAgo);

        new SizeLedger(LedgerStep.Prune, [new("createdump", 700, 0, LedgerAction.Pruned, FileOrigin.Runtime)]).Save(temp.Path);
        Assert.AreEqual(LongAgo, File.GetLastWriteTimeUtc(file), "an unchanged ledger must not make later steps out of date");

        new SizeLedger(LedgerStep.Prune, [new("createdump", 701, 0, LedgerAction.Pruned, FileOrigin.Runtime)]).Save(temp.Path);
        Assert.AreNotEqual(LongAgo, File.GetLastWriteTimeUtc(file));
    }
}
