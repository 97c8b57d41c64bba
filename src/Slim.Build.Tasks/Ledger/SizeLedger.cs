using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Ledger;

/// <summary>
/// Every file's size after every step. Each step keeps its own file under obj/slim/ledger/
/// so a step skipped as up to date keeps what it recorded last time.
/// </summary>
internal sealed partial class SizeLedger
{
    /// <summary>The steps in pipeline order; the report lists them in this order.</summary>
    public static readonly IReadOnlyList<LedgerStep> StepOrder = Enum.GetValues<LedgerStep>();

    public SizeLedger(LedgerStep step, IEnumerable<LedgerEntry> entries)
    {
        Step = step;
        Entries = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    public LedgerStep Step { get; }
    public IReadOnlyList<LedgerEntry> Entries { get; }
    public long BytesSaved => Entries.Sum(e => e.Before - e.After);

    public static string FileFor(string ledgerDirectory, LedgerStep step) => Path.Combine(ledgerDirectory, step.JsonName() + ".json");

    /// <summary>Writes only when the content changed, so an unchanged publish keeps later steps up to date.</summary>
    public void Save(string ledgerDirectory) =>
        AtomicFile.WriteAllTextIfChanged(FileFor(ledgerDirectory, Step), JsonSerializer.Serialize(new StepFile(Step, Entries.ToList()), LedgerJson.Default.StepFile));

    /// <summary>All steps recorded in the folder, in pipeline order; a missing or damaged file counts as a step not recorded.</summary>
    public static IReadOnlyList<SizeLedger> LoadAll(string ledgerDirectory) =>
        StepOrder.Select(step => TryLoad(FileFor(ledgerDirectory, step))).OfType<SizeLedger>().ToList();

    /// <summary>
    /// Deletes the step's file when it cannot be read (a publish killed while an older Slim wrote it): a step that
    /// lists the file in its Outputs then runs again instead of leaving it damaged.
    /// </summary>
    public static void ForgetIfDamaged(string ledgerDirectory, LedgerStep step)
    {
        var file = FileFor(ledgerDirectory, step);
        if (File.Exists(file) && TryLoad(file) is null)
            File.Delete(file);
    }

    private static SizeLedger? TryLoad(string file)
    {
        if (!File.Exists(file))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(file), LedgerJson.Default.StepFile) is { Entries: not null } s && s.Entries.All(e => e?.Path is not null)
                ? new SizeLedger(s.Step, s.Entries)
                : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    internal sealed record StepFile(LedgerStep Step, List<LedgerEntry> Entries);

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(StepFile))]
    private sealed partial class LedgerJson : JsonSerializerContext;
}
