using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Upx;

namespace Slim.Build.Tasks;

/// <summary>Writes UPX-packed, tested copies of the planned files; the originals are never touched.</summary>
public sealed class SlimUpx : SlimTask
{
    /// <summary>Files from SlimPlanUpx, with RelativePath, PackedPath and UpxInclude (empty for the app's executable).</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>SlimUpxPath: a name on PATH or a path. Default: upx.</summary>
    public string UpxPath { get; set; } = "upx";
    /// <summary>SlimUpxArgs, e.g. --best --lzma.</summary>
    public string UpxArgs { get; set; } = "";
    /// <summary>SlimUpxSmokeTest: arguments the packed executable is run with, e.g. --version; it must exit 0.</summary>
    public string SmokeTest { get; set; } = "";
    /// <summary>How long the smoke test may run, in seconds. Default: 30.</summary>
    public int SmokeTestTimeoutSeconds { get; set; } = 30;
    [Required] public string ProjectDirectory { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var upx = ToolLocator.Find(UpxPath) ?? throw new SlimException(SlimDiagnostics.UpxMissing, UpxPath, "");
        var packer = new UpxPacker(new ToolRunner(), upx, UpxArguments.Split(UpxArgs), SmokeTest, diagnostics,
            new ToolRunner(TimeSpan.FromSeconds(SmokeTestTimeoutSeconds)));
        var entries = new List<LedgerEntry>();
        foreach (var file in Files)
        {
            var item = PublishItems.From(file, ProjectDirectory);
            var include = file.GetMetadata("UpxInclude");
            var result = packer.Pack(new UpxCandidate(item, include.Length == 0 ? null : include), file.GetMetadata("PackedPath"));
            entries.Add(new LedgerEntry(item.RelativePath, result.Before, result.After, result.Action, item.Origin, result.GzipBefore, result.GzipAfter));
            diagnostics.Detail($"Slim: upx {result.Action.JsonName()} {item.RelativePath}: {result.Before} -> {result.After} bytes, gzipped {result.GzipBefore} -> {result.GzipAfter}");
        }
        new SizeLedger(LedgerStep.Upx, entries).Save(LedgerDirectory);
    }
}
