using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Strip;

namespace Slim.Build.Tasks;

/// <summary>
/// Writes stripped copies of ELF files that still carry symbols; strip only ever sees Slim's own copy.
/// A file strip fails on ships unstripped, with warning SLIM3001.
/// </summary>
public sealed class SlimStripNativeFiles : SlimTask
{
    /// <summary>ELF files to strip (e.g. a libe_sqlite3.so a package brings), with RelativePath, SlimContent and SlimStepOutput.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>The strip executable: a name on PATH or a path. Default: strip.</summary>
    public string StripTool { get; set; } = HostTools.Strip;
    [Required] public string LedgerDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var tool = ToolLocator.Find(StripTool)
                   ?? throw new SlimException(SlimDiagnostics.StripMissing, $"{Files.Length} file(s) such as '{Files[0].GetMetadata("RelativePath")}'", StripTool, ToolLocator.WhyNotFound(StripTool));
        // The default strip reads only this machine's ELF files; another architecture's (an arm64 image's) go to llvm-strip.
        var foreign = StripTool == HostTools.Strip ? ToolLocator.Find(HostTools.LlvmStrip) : null;
        var stripper = new NativeStripper(new ToolRunner(), tool, diagnostics, foreign);
        var entries = new List<LedgerEntry>();
        foreach (var file in Files)
        {
            var item = PublishItems.From(file, "");
            if (stripper.Strip(item.Source, file.GetMetadata(PublishItems.StepOutputMetadata), item.RelativePath) is not { } result)
                continue;
            entries.Add(new LedgerEntry(item.RelativePath, result.Before, result.After, LedgerAction.Stripped, item.Origin));
            diagnostics.Detail($"Slim: stripped {item.RelativePath}: {result.Before} -> {result.After} bytes");
        }
        new SizeLedger(LedgerStep.Strip, entries).Save(LedgerDirectory);
    }
}
