using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Upx;

namespace Slim.Build.Tasks;

/// <summary>Chooses the files UPX packs and warns about those it must not touch. Only reads files.</summary>
public sealed class SlimPlanUpx : SlimTask
{
    /// <summary>ResolvedFileToPublish, with RelativePath metadata.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>The NativeAOT executable as the SDK will copy it ($(NativeBinary)); empty for other profiles.</summary>
    public string Executable { get; set; } = "";
    /// <summary>SlimUpxInclude: globs relative to the publish folder, e.g. libe_sqlite3.so.</summary>
    public ITaskItem[] Include { get; set; } = [];
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>Where packed copies go (obj/.../slim/upx/).</summary>
    [Required] public string UpxDirectory { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";

    /// <summary>The ResolvedFileToPublish items to pack, with PackedPath (the copy to publish instead) and UpxInclude.</summary>
    [Output] public ITaskItem[] FilesToPack { get; private set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        var byItem = Files.GroupBy(f => PublishItems.From(f, ProjectDirectory)).ToDictionary(g => g.Key, g => g.First());
        var includes = Include.Select(i => i.ItemSpec.Replace('\\', '/')).ToList();
        var executable = Executable.Length == 0 ? null : Path.GetFullPath(Executable, ProjectDirectory);
        var plan = UpxPlanner.Plan(byItem.Keys.ToList(), executable, includes, diagnostics);
        // The pack step records its own sizes when it runs; with nothing to pack it would not run.
        if (plan.Count == 0)
            new SizeLedger(LedgerStep.Upx, []).Save(LedgerDirectory);
        FilesToPack = plan.Select(c =>
        {
            var item = new TaskItem(byItem[c.Item]);
            item.SetMetadata("PackedPath", Path.Combine(UpxDirectory, c.Item.RelativePath));
            item.SetMetadata("UpxInclude", c.Include ?? "");
            return (ITaskItem)item;
        }).ToArray();
    }
}
