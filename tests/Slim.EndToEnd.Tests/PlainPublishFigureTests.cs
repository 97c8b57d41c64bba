using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// report.json's plainPublishBytes is what a plain dotnet publish of the same project, without Slim, ships. For a
/// NativeAOT console Slim's size switches change the executable and its .dbg, so the size before Slim's steps is
/// not that figure; Slim measures a plain publish beside its own, and says so when it is told not to.
/// </summary>
[TestClass]
public sealed class PlainPublishFigureTests
{
    [TestMethod]
    public void The_plain_figure_is_a_real_plain_publish_within_one_percent()
    {
        var slim = TestApp.Console("PlainAot", SlimForm.PackageReference, "<PublishAot>true</PublishAot><SlimMeasurePlainPublish>true</SlimMeasurePlainPublish>");
        var published = slim.Publish();
        Assert.AreEqual(0, published.ExitCode, published.Describe());
        var plain = TestApp.Console("PlainAot", SlimForm.None, "<PublishAot>true</PublishAot>", folder: Path.Combine("without-slim", "PlainAot"));
        var plainPublish = plain.Publish();
        Assert.AreEqual(0, plainPublish.ExitCode, plainPublish.Describe());
        var real = Files.FolderSize(plainPublish.PublishDirectory);
        CollectionAssert.Contains(Files.Relative(plainPublish.PublishDirectory), "PlainAot.dbg", "a plain NativeAOT publish ships the .dbg");

        var totals = Totals(published);
        var claimed = totals.GetProperty("plainPublishBytes").GetInt64();
        Assert.IsTrue(totals.GetProperty("plainPublishMeasured").GetBoolean());
        Assert.IsTrue(Math.Abs(claimed - real) <= real / 100, $"the report says a plain publish ships {claimed:N0} B; it ships {real:N0} B");
        // What the old figure counted (the SDK's publish with Slim's switches) is not a plain publish here: the test
        // would not see a report that still gave it.
        var beforeSteps = totals.GetProperty("beforeStepsBytes").GetInt64();
        Assert.IsTrue(Math.Abs(beforeSteps - real) > real / 100, $"Slim's switches should change the executable: {beforeSteps:N0} B before Slim's steps, {real:N0} B plain");

        // Unchanged: the plain publish is up to date, and it left Slim's compiled assembly alone (ILC's IlcCompile runs
        // Compile even under NoBuild: without Slim's PathMap it would compile it again, and so would Slim after it).
        var assembly = Path.Combine(Path.GetDirectoryName(published.PublishDirectory)!.Replace("bin", "obj"), "PlainAot.dll");
        var compiled = File.GetLastWriteTimeUtc(assembly);
        var unchanged = slim.Publish();
        Assert.AreEqual(0, unchanged.ExitCode, unchanged.Describe());
        Assert.AreEqual(compiled, File.GetLastWriteTimeUtc(assembly), $"an unchanged republish compiled {assembly} again");
        StringAssert.DoesNotMatch(unchanged.Output, new System.Text.RegularExpressions.Regex("slim/plain/publish/"), "an unchanged republish made the plain publish again");
        Assert.AreEqual(claimed, Totals(unchanged).GetProperty("plainPublishBytes").GetInt64());

        // A clean publish (bin/ and obj/Release removed, as a CI job starts) of the same code: the plain publish of
        // these inputs was measured already, and its size is recalled from Slim's cache, not published again.
        Directory.Delete(Path.Combine(slim.Directory, "bin"), recursive: true);
        Directory.Delete(Path.Combine(slim.Directory, "obj", "Release"), recursive: true);
        var clean = slim.Publish();
        Assert.AreEqual(0, clean.ExitCode, clean.Describe());
        StringAssert.DoesNotMatch(clean.Output, new System.Text.RegularExpressions.Regex("slim/plain/publish/"), "a clean publish of the same code made the plain publish again");
        Assert.AreEqual(claimed, Totals(clean).GetProperty("plainPublishBytes").GetInt64());
        Assert.IsTrue(Totals(clean).GetProperty("plainPublishMeasured").GetBoolean());

        // Changed code: another plain publish, measured again (the negative control of the two checks above).
        slim.Write("Program.cs", "System.Console.WriteLine(\"Hello from a changed program, \" + System.Environment.ProcessId);");
        var changed = slim.Publish();
        Assert.AreEqual(0, changed.ExitCode, changed.Describe());
        StringAssert.Matches(changed.Output, new System.Text.RegularExpressions.Regex("slim/plain/publish/"), "changed code kept an earlier plain publish's size");

        var unmeasured = slim.Republish("-p:SlimMeasurePlainPublish=false");
        Assert.AreEqual(0, unmeasured.ExitCode, unmeasured.Describe());
        var off = Totals(unmeasured);
        Assert.AreEqual(JsonValueKind.Null, off.GetProperty("plainPublishBytes").ValueKind, "not measured, so not claimed");
        Assert.IsFalse(off.GetProperty("plainPublishMeasured").GetBoolean());
        StringAssert.Contains(unmeasured.Output, "plain publish not measured");
    }

    private static JsonElement Totals(PublishResult publish) =>
        Files.Json(Path.Combine(publish.SlimDirectory, "report.json")).GetProperty("totals");
}
