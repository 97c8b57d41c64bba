using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Upx;

namespace Slim.Build.Tasks;

/// <summary>
/// Chooses the files UPX packs and warns about those it must not touch. Only reads files, and writes the
/// settings file (only when the settings changed) that makes new SlimUpxArgs repack.
/// </summary>
public sealed class SlimPlanUpx : SlimTask
{
    /// <summary>ResolvedFileToPublish after the strip step, with RelativePath, SlimOrigin and SlimContent.</summary>
    [Required] public ITaskItem[] Files { get; set; } = [];
    /// <summary>SlimUpx: when false, only last publish's UPX record is dropped.</summary>
    public bool Enabled { get; set; }
    /// <summary>The NativeAOT executable as the SDK resolved it ($(NativeBinary)); empty for other profiles.</summary>
    public string Executable { get; set; } = "";
    /// <summary>SlimUpxInclude: patterns relative to the publish folder, e.g. libe_sqlite3.so.</summary>
    public ITaskItem[] Include { get; set; } = [];
    /// <summary>Project files whose wildcard items are read as written (csproj, Directory.Build.props/targets).</summary>
    public ITaskItem[] PatternSources { get; set; } = [];
    /// <summary>SlimUpxPath: a name on PATH or a path. Default: upx.</summary>
    public string UpxPath { get; set; } = HostTools.Upx;
    /// <summary>SlimUpxArgs, e.g. --best --lzma.</summary>
    public string UpxArgs { get; set; } = "";
    /// <summary>SlimUpxSmokeTest: arguments the packed executable is run with, e.g. --version; it must exit 0.</summary>
    public string SmokeTest { get; set; } = "";
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>Where packed copies go (obj/.../slim/upx/).</summary>
    [Required] public string UpxDirectory { get; set; } = "";
    /// <summary>obj/.../slim/upx-settings.txt: an input of the pack step.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    [Required] public string LedgerDirectory { get; set; } = "";

    /// <summary>The items to pack, with %(SlimStepOutput) (the packed copy), %(UpxInclude), %(UpxPath), %(UpxArgs) and %(UpxSmokeTest).</summary>
    [Output] public ITaskItem[] FilesToPack { get; private set; } = [];

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (!Enabled)
        {
            // Turning UPX off must not leave last publish's savings in the report.
            File.Delete(SizeLedger.FileFor(LedgerDirectory, LedgerStep.Upx));
            return;
        }
        SizeLedger.ForgetIfDamaged(LedgerDirectory, LedgerStep.Upx);
        var byItem = Files.GroupBy(f => PublishItems.From(f, ProjectDirectory)).ToDictionary(g => g.Key, g => g.First());
        var includes = PatternItems.Read("SlimUpxInclude", Include, PatternSources, diagnostics).Select(p => p.Pattern).ToList();
        var executable = Executable.Length == 0 ? null : Path.GetFullPath(Executable, ProjectDirectory);
        var plan = UpxPlanner.Plan(byItem.Keys.ToList(), executable is null ? null : byItem.Keys.FirstOrDefault(i => byItem[i].GetMetadata("FullPath") == executable),
            includes, diagnostics);
        // The pack step records its own sizes when it runs; with nothing to pack it would not run.
        if (plan.Count == 0)
            new SizeLedger(LedgerStep.Upx, []).Save(LedgerDirectory);
        var upx = ToolLocator.Find(UpxPath) ?? UpxPath;
        FilesToPack = plan.Select(c =>
        {
            var item = PublishItems.ForStep(byItem[c.Item], Path.Combine(UpxDirectory, c.Item.RelativePath));
            item.SetMetadata("UpxInclude", c.Include ?? "");
            item.SetMetadata("UpxPath", upx);
            item.SetMetadata("UpxArgs", UpxArgs);
            item.SetMetadata("UpxSmokeTest", SmokeTest);
            return item;
        }).ToArray();
        AtomicFile.WriteAllTextIfChanged(SettingsFile, string.Join('\n',
            [$"SlimUpxArgs={UpxArgs}", $"SlimUpxPath={upx}", $"SlimUpxSmokeTest={SmokeTest}", .. plan.Select(c => $"{c.Item.RelativePath}={c.Include}")]) + "\n");
    }
}
