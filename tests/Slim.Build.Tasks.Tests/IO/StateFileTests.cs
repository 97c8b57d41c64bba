using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Tests.IO;

/// <summary>A damaged state file (a publish killed mid-write, two publishes at once) counts as absent: the step does its work again.</summary>
[TestClass]
public sealed partial class StateFileTests
{
    private static readonly string[] Damaged = ["", "{ \"digest\": \"sha256:ab", "\0\0\0\0", "[1, 2", "null"];

    [TestMethod]
    public void A_damaged_image_checks_or_needs_file_reads_as_absent()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "state.json");
        foreach (var content in Damaged)
        {
            File.WriteAllText(path, content);
            Assert.IsNull(ImageSection.TryLoad(path), $"image.json '{content}'");
            Assert.AreEqual(0, ChecksFile.TryLoad(path).Count, $"checks.json '{content}'");
            Assert.IsNull(RuntimeNeeds.TryLoad(path), $"needs.json '{content}'");
        }
        Assert.IsNull(ImageSection.TryLoad(Path.Combine(temp.Path, "missing.json")));
    }

    [TestMethod]
    public void A_damaged_required_state_file_is_a_file_error_naming_it_not_a_bug()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "container.json");
        File.WriteAllText(path, "{ \"spec\": { \"work");

        var error = Assert.Throws<IOException>(() => StateFile.Load(path, "container description", ImageStateJson.Default.ImageSection));
        StringAssert.Contains(error.Message, $"'{path}' is damaged");
    }

    [TestMethod]
    public void A_damaged_ledger_file_is_skipped_by_the_report_and_forgotten_so_its_step_runs_again()
    {
        using var temp = new TempFolder();
        new SizeLedger(LedgerStep.Publish, [new LedgerEntry("App.dll", 100, 100, LedgerAction.Published, FileOrigin.App)]).Save(temp.Path);
        var strip = SizeLedger.FileFor(temp.Path, LedgerStep.Strip);
        foreach (var content in Damaged.Append("{ \"step\": \"strip\", \"entries\": [null] }"))
        {
            File.WriteAllText(strip, content);
            CollectionAssert.AreEqual(new[] { LedgerStep.Publish }, SizeLedger.LoadAll(temp.Path).Select(l => l.Step).ToArray(), $"strip.json '{content}'");

            SizeLedger.ForgetIfDamaged(temp.Path, LedgerStep.Strip);
            Assert.IsFalse(File.Exists(strip), $"strip.json '{content}' was kept: the strip step's Outputs would look up to date");
        }
        SizeLedger.ForgetIfDamaged(temp.Path, LedgerStep.Publish);
        Assert.AreEqual(1, SizeLedger.LoadAll(temp.Path).Count, "a readable ledger file was forgotten");
    }

    [TestMethod]
    public void Metadata_generated_with_other_options_than_a_state_files_is_refused_not_written()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "state.json");

        var error = Assert.Throws<InvalidOperationException>(() => StateFile.Save(path, new Sample("a"), CompactJson.Default.Sample));
        StringAssert.Contains(error.Message, "WriteIndented");
        Assert.IsFalse(File.Exists(path));
        Assert.AreEqual("{\n  \"name\": \"a\"\n}\n", StateFile.ToJson(new Sample("a"), StateJson.Default.Sample));
    }

    internal sealed record Sample(string Name);

    [JsonSerializable(typeof(Sample))]
    internal sealed partial class CompactJson : JsonSerializerContext;

    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Sample))]
    internal sealed partial class StateJson : JsonSerializerContext;
}
