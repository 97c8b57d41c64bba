using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Prune;
using Slim.Build.Tasks.Symbols;

namespace Slim.Build.Tasks.Pipeline;

/// <summary>Settings of the steps that change what the SDK copies.</summary>
/// <param name="RuntimeIdentifier">The platform the app runs on (linux-x64): another RID's runtimes/&lt;rid&gt;/ files are never loaded there, and the host's strip may not read them.</param>
internal sealed record PlanOptions(bool MoveSymbols, bool Strip, PruneRules Prune, IReadOnlyList<string> StripExclude, string RuntimeIdentifier = "");

/// <summary>
/// Decides, for every file the SDK is about to publish, whether it ships, moves to the symbols
/// folder, is pruned, or ships stripped; and records the sizes in the ledger.
/// </summary>
internal static class PublishPlanner
{
    /// <param name="files">ResolvedFileToPublish.</param>
    /// <param name="suppressedSymbols">Symbols a plain publish would copy that Slim stopped the SDK from copying (the NativeAOT .dbg, the app's .pdb).</param>
    public static PublishPlan Plan(IReadOnlyList<PublishItem> files, IReadOnlyList<PublishItem> suppressedSymbols, PlanOptions options)
    {
        var all = files.Concat(suppressedSymbols).Where(f => File.Exists(f.Source))
            .GroupBy(f => f.RelativePath, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var toSymbols = new List<PublishItem>();
        var toPrune = new List<PublishItem>();
        var toStrip = new List<PublishItem>();
        var published = new List<LedgerEntry>();
        var symbols = new List<LedgerEntry>();
        var pruned = new List<LedgerEntry>();

        foreach (var file in all)
        {
            var size = new FileInfo(file.Source).Length;
            published.Add(new LedgerEntry(file.RelativePath, size, size, LedgerAction.Published, file.Origin));
            if (options.MoveSymbols && SymbolFiles.IsSymbolFile(file.RelativePath))
            {
                toSymbols.Add(file);
                symbols.Add(new LedgerEntry(file.RelativePath, size, 0, LedgerAction.MovedToSymbols, file.Origin));
            }
            else if (options.Prune.ShouldPrune(file.RelativePath))
            {
                toPrune.Add(file);
                pruned.Add(new LedgerEntry(file.RelativePath, size, 0, LedgerAction.Pruned, file.Origin));
            }
            else if (options.Strip && !RuntimeAssetFolders.IsForOtherPlatform(file.RelativePath, options.RuntimeIdentifier) && NeedsStrip(file, options.StripExclude))
            {
                toStrip.Add(file);
            }
        }

        var ledgers = new List<SizeLedger> { new(LedgerStep.Publish, published), new(LedgerStep.Symbols, symbols), new(LedgerStep.Prune, pruned) };
        return new PublishPlan(toSymbols, toPrune, toStrip, ledgers);
    }

    private static bool NeedsStrip(PublishItem file, IReadOnlyList<string> exclude)
    {
        if (exclude.Any(pattern => Glob.IsMatch(pattern, file.RelativePath)))
            return false;
        return ElfFile.TryRead(file.Source)?.HasStrippableSections == true;
    }
}
