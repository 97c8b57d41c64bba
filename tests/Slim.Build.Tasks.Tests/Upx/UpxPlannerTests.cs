using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Upx;

[TestClass]
public sealed class UpxPlannerTests
{
    [TestMethod]
    public void Packs_the_executable_and_what_the_includes_name_minus_what_must_not_be_touched()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path, "App");
        var library = NativeFixtures.LargeLibrary(temp.Path, "libextra.so");
        var json = temp.File("appsettings.json", 100_000);
        var files = new List<PublishItem>
        {
            new(exe, "App", FileOrigin.App), new(library, "libextra.so", FileOrigin.Package), new(json, "appsettings.json", FileOrigin.Content),
        };
        var diagnostics = new RecordingDiagnostics();

        var plan = UpxPlanner.Plan(files, files[0], ["libextra.so", "appsettings.json", "missing/*.so"], diagnostics);

        CollectionAssert.AreEqual(new[] { "App", "libextra.so" }, plan.Select(c => c.Item.RelativePath).ToArray());
        Assert.IsTrue(plan[0].IsAppExecutable);
        Assert.AreEqual("libextra.so", plan[1].Include);
        CollectionAssert.AreEquivalent(new[] { SlimDiagnostics.UpxIncludeMatchesNothing, SlimDiagnostics.UpxRefused_NotElf }, diagnostics.Warnings.ToArray());
    }

    [TestMethod]
    public void Without_an_executable_or_includes_nothing_is_packed()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path, "App");
        var diagnostics = new RecordingDiagnostics();
        Assert.AreEqual(0, UpxPlanner.Plan([new(exe, "App", FileOrigin.App)], null, [], diagnostics).Count);
        Assert.AreEqual(0, diagnostics.Items.Count);
    }
}
