using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks;

/// <summary>Writes UPX-packed, tested copies of the planned files; UPX only ever sees Slim's own copies.</summary>
public sealed class SlimUpx : SlimTask
{
    /// <summary>Files from SlimPlanUpx, with RelativePath, SlimContent, SlimStepOutput, UpxInclude (empty for the app's executable), UpxPath, UpxArgs and UpxSmokeTest.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>How long the smoke test may run, in seconds. Default: 30.</summary>
    public int SmokeTestTimeoutSeconds { get; set; } = 30;
    [Required] public string LedgerDirectory { get; set; } = "";
    /// <summary>obj/.../slim/upx-originals.json: each packed file's hash and the file it was packed from, for the checklist.</summary>
    public string OriginalsFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var entries = new List<LedgerEntry>();
        var originals = new List<PackedOriginal>();
        foreach (var file in Files)
        {
            var upx = file.GetMetadata("UpxPath");
            if (ToolLocator.Find(upx) is null)
                throw new SlimException(SlimDiagnostics.UpxMissing, upx, ToolLocator.WhyNotFound(upx));
            var packer = new UpxPacker(new ToolRunner(), upx, UpxArguments.Split(file.GetMetadata("UpxArgs")), file.GetMetadata("UpxSmokeTest"),
                diagnostics, new ToolRunner(TimeSpan.FromSeconds(SmokeTestTimeoutSeconds)));
            var item = PublishItems.From(file, "");
            var include = file.GetMetadata("UpxInclude");
            var result = packer.Pack(new UpxCandidate(item, include.Length == 0 ? null : include), file.GetMetadata(PublishItems.StepOutputMetadata));
            if (result.Action == LedgerAction.Packed)
                originals.Add(PackedOriginals.Of(item.RelativePath, result.Destination, item.Source));
            entries.Add(new LedgerEntry(item.RelativePath, result.Before, result.After, result.Action, item.Origin, result.GzipBefore, result.GzipAfter));
            diagnostics.Detail($"Slim: upx {result.Action.JsonName()} {item.RelativePath}: {result.Before} -> {result.After} bytes, gzipped {result.GzipBefore} -> {result.GzipAfter}");
        }
        new SizeLedger(LedgerStep.Upx, entries).Save(LedgerDirectory);
        if (!string.IsNullOrWhiteSpace(OriginalsFile))
            PackedOriginals.Save(OriginalsFile, originals);
    }
}
