using System.Text.Json;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class EnforceBudgetsTests
{
    private static BudgetResult Over(BudgetKind kind) =>
        new(kind, "SlimMaxPublishSize", "2 KB", 2000, 2500, false, "App", [new PublishedFile("App", 2500, FileOrigin.App)]);

    [TestMethod]
    [DataRow(BudgetKind.Publish, "BudgetExceeded_Publish", "publish")]
    [DataRow(BudgetKind.File, "BudgetExceeded_File", "file")]
    [DataRow(BudgetKind.Pattern, "BudgetExceeded_Item", "pattern")]
    [DataRow(BudgetKind.Growth, "BudgetExceeded_Growth", "growth")]
    [DataRow(BudgetKind.Image, "BudgetExceeded_Image", "image")]
    [DataRow(BudgetKind.ImageUnpacked, "BudgetExceeded_ImageUnpacked", "image-unpacked")]
    public void Each_budget_kind_has_its_message_and_its_report_json_word(object value, string resource, string word)
    {
        var kind = (BudgetKind)value;
        var (diagnostic, args) = SlimEnforceBudgets.Describe(Over(kind), 10_000);
        Assert.AreEqual(resource, diagnostic.ResourceName);
        var text = SlimTask.Strings.GetString(diagnostic.ResourceName)!;
        var placeholders = Regex.Matches(text, @"\{(\d+)\}").Max(m => int.Parse(m.Groups[1].Value)) + 1;
        Assert.AreEqual(placeholders, args.Length, "one argument per placeholder of " + diagnostic);
        Assert.AreEqual($"\"{word}\"", JsonSerializer.Serialize(kind, ReportWriter.Json));
        Assert.AreEqual(kind, JsonSerializer.Deserialize<BudgetKind>($"\"{word}\"", ReportWriter.Json));
    }

    [TestMethod]
    public void An_unknown_kind_throws_instead_of_passing_for_another()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SlimEnforceBudgets.Describe(Over((BudgetKind)42), 10_000));
        Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize<BudgetKind>("\"size\"", ReportWriter.Json));
        Assert.ThrowsExactly<JsonException>(() => JsonSerializer.Deserialize<BudgetKind>("1", ReportWriter.Json));
    }

    [TestMethod]
    public void An_image_one_byte_over_SlimMaxImageUnpackedSize_fails_with_SLIM6006_naming_the_property_and_the_largest_layer()
    {
        using var temp = new TempFolder();
        temp.File("publish/App", 100);
        var (_, _, image) = Slim.Build.Tasks.Tests.Image.Registry.PushFixture.Write(Path.Combine(temp.Path, "image"), new string('x', 5000), "app:1");
        RecordingBuildEngine Enforce(long max)
        {
            var report = ReportBuilder.Build(Path.Combine(temp.Path, "publish"), [], new ToolInfo("Slim", "1"), new ProjectInfo("App", "aot", "safe", "net10.0", "linux-x64"),
                [], null, new AnalysisWarnings(0, [], "none"), BudgetSettings.None with { MaxImageUnpackedSize = new ByteSize(max) }, image);
            ReportWriter.Write(report, Path.Combine(temp.Path, "slim"));
            var engine = new RecordingBuildEngine();
            new SlimEnforceBudgets { BuildEngine = engine, ReportFile = Path.Combine(temp.Path, "slim", "report.json"), ProjectName = "App" }.Execute();
            return engine;
        }

        Assert.AreEqual(0, Enforce(image.UnpackedBytes).Errors.Count, "exactly at the budget passes");
        var error = Enforce(image.UnpackedBytes - 1).Errors.Single();

        Assert.AreEqual("SLIM6006", error.Code);
        StringAssert.Contains(error.Message, $"The image unpacks to {new ByteSize(image.UnpackedBytes)}, over SlimMaxImageUnpackedSize {new ByteSize(image.UnpackedBytes - 1)}");
        StringAssert.Contains(error.Message, "Largest layers: app (");
        Assert.AreEqual("https://github.com/slim-build/slim/blob/main/docs/diagnostics.md#slim6006", error.HelpLink);
    }
}
