using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Prune;

namespace Slim.Build.Tasks;

/// <summary>
/// Decides what happens to each file the SDK is about to publish (ship, symbols, prune, strip)
/// and records its size in the ledger. Only reads files; the targets act on the outputs.
/// </summary>
public sealed class SlimPlanPublishFiles : SlimTask
{
    /// <summary>ResolvedFileToPublish, with RelativePath metadata.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>Symbols a plain publish would copy but Slim stopped the SDK from copying (NativeAOT .dbg, the app's .pdb), with RelativePath.</summary>
    public ITaskItem[] SuppressedSymbols { get; set; } = [];
    [Required] public string ProjectDirectory { get; set; } = "";
    public bool MoveSymbols { get; set; } = true;
    public bool PruneRuntimePieces { get; set; } = true;
    public bool Strip { get; set; } = true;
    /// <summary>SlimKeep: globs (relative to the publish folder) that are never pruned, e.g. createdump.</summary>
    public ITaskItem[] Keep { get; set; } = [];
    /// <summary>SlimPrune: extra globs to leave out of the publish folder.</summary>
    public ITaskItem[] Prune { get; set; } = [];
    /// <summary>SlimStripExclude: globs never stripped.</summary>
    public ITaskItem[] StripExclude { get; set; } = [];
    /// <summary>Where stripped copies go (obj/.../slim/strip/).</summary>
    [Required] public string StripDirectory { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";

    /// <summary>Items to take out of ResolvedFileToPublish (symbols and pruned files).</summary>
    [Output] public ITaskItem[] RemovedFiles { get; private set; } = [];
    /// <summary>Symbol files to copy to the symbols folder, with RelativePath.</summary>
    [Output] public ITaskItem[] SymbolFiles { get; private set; } = [];
    /// <summary>Files to strip, with StrippedPath (the copy to publish instead).</summary>
    [Output] public ITaskItem[] FilesToStrip { get; private set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        var byItem = Files.GroupBy(f => PublishItems.From(f, ProjectDirectory)).ToDictionary(g => g.Key, g => g.First());
        var suppressed = SuppressedSymbols.Select(f => PublishItems.From(f, ProjectDirectory)).ToList();
        var rules = new PruneRules(PruneRuntimePieces, Globs(Keep), Globs(Prune));
        var plan = PublishPlanner.Plan(byItem.Keys.ToList(), suppressed, new PlanOptions(MoveSymbols, Strip, rules, Globs(StripExclude)));

        foreach (var ledger in plan.Ledgers)
            ledger.Save(LedgerDirectory);
        // The strip step records its own sizes when it runs; with nothing to strip it would not run.
        if (plan.ToStrip.Count == 0)
            new SizeLedger(LedgerStep.Strip, []).Save(LedgerDirectory);

        RemovedFiles = plan.ToSymbols.Concat(plan.ToPrune).Where(byItem.ContainsKey).Select(i => byItem[i]).ToArray();
        SymbolFiles = plan.ToSymbols.Select(i => (ITaskItem)new TaskItem(i.Source, new Dictionary<string, string> { ["RelativePath"] = i.RelativePath })).ToArray();
        FilesToStrip = plan.ToStrip.Select(i =>
        {
            var item = new TaskItem(byItem[i]);
            item.SetMetadata("StrippedPath", Path.Combine(StripDirectory, i.RelativePath));
            return (ITaskItem)item;
        }).ToArray();
        foreach (var pruned in plan.ToPrune)
            diagnostics.Detail($"Slim: pruned {pruned.RelativePath}");
    }

    private static IReadOnlyList<string> Globs(ITaskItem[] items) => items.Select(i => i.ItemSpec.Replace('\\', '/')).ToList();
}
