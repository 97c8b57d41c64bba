using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Prune;

namespace Slim.Build.Tasks;

/// <summary>
/// Decides what happens to each file the SDK is about to publish (ship, symbols, prune, strip),
/// classifies each once, and records its size in the ledger. Only reads files; the targets act on the outputs.
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
    /// <summary>The platform the app runs on: $(RuntimeIdentifier), else the SDK's own, e.g. linux-x64.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>SlimStripTool: checked on every publish that has files to strip, incremental ones too. Default: strip.</summary>
    public string StripTool { get; set; } = HostTools.Strip;
    /// <summary>SlimKeep: patterns (relative to the publish folder) that are never pruned, e.g. createdump.</summary>
    public ITaskItem[] Keep { get; set; } = [];
    /// <summary>SlimPrune: extra patterns to leave out of the publish folder.</summary>
    public ITaskItem[] Prune { get; set; } = [];
    /// <summary>SlimStripExclude: patterns never stripped, e.g. *.so.</summary>
    public ITaskItem[] StripExclude { get; set; } = [];
    /// <summary>Project files whose wildcard items are read as written (csproj, Directory.Build.props/targets).</summary>
    public ITaskItem[] PatternSources { get; set; } = [];
    /// <summary>Where stripped copies go (obj/.../slim/strip/).</summary>
    [Required] public string StripDirectory { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>obj/.../slim/strip-settings.txt: an input of the strip step (the tool, the files to strip), written only when it changed.</summary>
    public string StripSettingsFile { get; set; } = "";

    /// <summary>Every item of Files, with %(SlimOrigin) and %(SlimContent): ResolvedFileToPublish from now on.</summary>
    [Output] public ITaskItem[] ClassifiedFiles { get; private set; } = [];
    /// <summary>Items to take out of ResolvedFileToPublish (symbols and pruned files).</summary>
    [Output] public ITaskItem[] RemovedFiles { get; private set; } = [];
    /// <summary>Symbol files to copy to the symbols folder, with RelativePath.</summary>
    [Output] public ITaskItem[] SymbolFiles { get; private set; } = [];
    /// <summary>Files to strip, with %(SlimStepOutput) (the copy to publish instead).</summary>
    [Output] public ITaskItem[] FilesToStrip { get; private set; } = [];

    /// <summary>SlimCacheDirectory (empty: $XDG_CACHE_HOME/slim or ~/.cache/slim): what the ELF files read before held.</summary>
    public string CacheDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        using var elfFacts = Elf.ElfFactsMemo.Use(Image.Registry.RegistryBaseSource.CacheRoot(CacheDirectory, Environment.GetEnvironmentVariable));
        ClassifiedFiles = Files.Select(f => PublishItems.Classified(f, PublishItems.From(f, ProjectDirectory))).ToArray();
        var byItem = ClassifiedFiles.GroupBy(f => PublishItems.From(f, ProjectDirectory)).ToDictionary(g => g.Key, g => g.First());
        var suppressed = SuppressedSymbols.Select(f => PublishItems.From(f, ProjectDirectory)).ToList();
        var keep = Patterns("SlimKeep", Keep, diagnostics);
        var prune = Patterns("SlimPrune", Prune, diagnostics);
        var stripExclude = Patterns("SlimStripExclude", StripExclude, diagnostics);
        var rules = new PruneRules(PruneRuntimePieces, keep, prune);
        var plan = PublishPlanner.Plan(byItem.Keys.ToList(), suppressed, new PlanOptions(MoveSymbols, Strip, rules, stripExclude, RuntimeIdentifier));

        var published = byItem.Keys.Concat(suppressed).Select(i => i.RelativePath).ToList();
        foreach (var (itemType, patterns) in new[] { ("SlimKeep", keep), ("SlimPrune", prune), ("SlimStripExclude", stripExclude) })
        foreach (var pattern in patterns.Where(p => !published.Any(path => Glob.IsMatch(p, path))))
            diagnostics.Warning(SlimDiagnostics.PatternMatchesNothing, itemType, pattern);

        var stripTool = plan.ToStrip.Count == 0 ? null : ToolLocator.Find(StripTool)
            ?? throw new SlimException(SlimDiagnostics.StripMissing, $"{plan.ToStrip.Count} file(s) such as '{plan.ToStrip[0].RelativePath}'", StripTool, ToolLocator.WhyNotFound(StripTool));
        // Always written (an input that does not exist would make the strip step run every time). The list of files is
        // in it too: a file a new SlimStripExclude takes out changes no other file's time, yet strip.json must drop it.
        if (StripSettingsFile.Length > 0)
            AtomicFile.WriteAllTextIfChanged(StripSettingsFile, string.Join('\n',
                [$"SlimStripTool={stripTool ?? StripTool}", .. plan.ToStrip.Select(i => "Strip=" + i.RelativePath).Order(StringComparer.Ordinal)]) + "\n");

        SizeLedger.ForgetIfDamaged(LedgerDirectory, LedgerStep.Strip);
        foreach (var ledger in plan.Ledgers)
            ledger.Save(LedgerDirectory);
        // The strip step records its own sizes when it runs; with nothing to strip it would not run.
        if (plan.ToStrip.Count == 0)
            new SizeLedger(LedgerStep.Strip, []).Save(LedgerDirectory);

        RemovedFiles = plan.ToSymbols.Concat(plan.ToPrune).Where(byItem.ContainsKey).Select(i => byItem[i]).ToArray();
        SymbolFiles = plan.ToSymbols.Select(i => (ITaskItem)new TaskItem(i.Source, new Dictionary<string, string> { ["RelativePath"] = i.RelativePath })).ToArray();
        FilesToStrip = plan.ToStrip.Select(i => PublishItems.ForStep(byItem[i], Path.Combine(StripDirectory, i.RelativePath))).ToArray();
        foreach (var pruned in plan.ToPrune)
            diagnostics.Detail($"Slim: pruned {pruned.RelativePath}");
    }

    private IReadOnlyList<string> Patterns(string itemType, ITaskItem[] items, IDiagnostics diagnostics) =>
        PatternItems.Read(itemType, items, PatternSources, diagnostics).Select(p => p.Pattern).ToList();
}
