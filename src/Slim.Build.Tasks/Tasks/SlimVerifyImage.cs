using System.Reflection;
using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Runs the production checklist on the image archive the image step wrote and records each check in
/// obj/.../slim/checks.json for the report; a problem is a warning with the check's code, an error when raised.
/// </summary>
public sealed class SlimVerifyImage : SlimTask
{
    /// <summary>image.json from the image step; empty when no image was built (nothing is checked).</summary>
    public string ImageFile { get; set; } = "";
    /// <summary>needs.json: what the image must provide.</summary>
    public string NeedsFile { get; set; } = "";
    /// <summary>analysis-warnings.json from SlimReadAnalysisWarnings: the trim and AOT analysis warnings.</summary>
    public string AnalysisWarningsFile { get; set; } = "";
    /// <summary>linux-x64: the image's platform.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>NETCoreSdkPortableRuntimeIdentifier (linux-x64): the image's platform when the publish has no RID.</summary>
    public string HostRuntimeIdentifier { get; set; } = "";
    /// <summary>ContainerBaseImage, named in the messages (auto, scratch, ...).</summary>
    public string BaseImage { get; set; } = "";
    /// <summary>obj/.../slim/settings.json: SlimMaxWastedBytes and SlimChecksAsErrors, checked by SlimValidateSettings.</summary>
    [Required] public string SettingsFile { get; set; } = "";
    /// <summary>SlimSmokeRun: also run the image with podman or docker and check how it starts and stops.</summary>
    public bool SmokeRun { get; set; }
    /// <summary>SlimSmokeRunEngine: podman (default, else docker) or a path.</summary>
    public string SmokeRunEngine { get; set; } = "";
    /// <summary>SlimSmokeRunEngineArgs: options before each engine command, e.g. --storage-driver vfs.</summary>
    public string SmokeRunEngineArgs { get; set; } = "";
    /// <summary>SlimSmokeRunArgs: options added to the engine's run.</summary>
    public string SmokeRunArgs { get; set; } = "";
    /// <summary>SlimHealthPath, e.g. /healthz: what the smoke run asks a service for (/ when empty).</summary>
    public string HealthPath { get; set; } = "";
    /// <summary>obj/.../slim/upx-originals.json from the UPX step: the ELF checks read a packed file's original.</summary>
    public string PackedOriginalsFile { get; set; } = "";
    /// <summary>SlimCacheDirectory (empty: $XDG_CACHE_HOME/slim or ~/.cache/slim): what earlier checks learned of each layer blob, by its digest.</summary>
    public string CacheDirectory { get; set; } = "";
    /// <summary>Where checks.json goes; removed when no image was checked.</summary>
    [Required] public string ChecksFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var state = new ChecksState(ChecksFile + ".state");
        if (ImageSection.TryLoad(ImageFile) is not { } section || !File.Exists(section.Archive))
        {
            if (File.Exists(ChecksFile))
                File.Delete(ChecksFile);
            state.Forget();
            return;
        }
        var version = typeof(SlimVerifyImage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var key = ChecksState.InputsKey(section.Archive, [version, RuntimeIdentifier, HostRuntimeIdentifier, BaseImage],
            [ImageFile, NeedsFile, AnalysisWarningsFile, SettingsFile, PackedOriginalsFile]);
        // The smoke run starts the image: it runs every time it is asked for.
        if (!SmokeRun && state.Unchanged(key, ChecksFile) is { } logged)
        {
            foreach (var message in logged)
                message.LogAgain(diagnostics);
            Summarize(Checks.ChecksFile.TryLoad(ChecksFile), diagnostics, "unchanged image and inputs, not read again");
            return;
        }
        var recording = new ReplayableDiagnostics(diagnostics);
        var settings = SlimSettings.Load(SettingsFile);
        var maxWaste = settings.MaxWastedBytes;
        var raise = Checks.ChecksAsErrors.Of(settings.RaiseAllChecks, settings.RaisedChecks);
        var (image, elfFiles) = ImageElfFiles.ReadArchive(section.Archive, string.IsNullOrWhiteSpace(RuntimeIdentifier) ? HostRuntimeIdentifier : RuntimeIdentifier, Upx.PackedOriginals.Load(PackedOriginalsFile), LayerFactsCache.In(CacheDirectory));
        var context = new ImageCheckContext(image, elfFiles, RuntimeNeeds.TryLoad(NeedsFile),
            Analysis.AnalysisWarningsFile.Load(AnalysisWarningsFile), string.IsNullOrWhiteSpace(BaseImage) ? "auto" : BaseImage.Trim(), maxWaste);
        var results = ImageChecker.Run(ImageChecker.All, context, raise, recording).ToList();
        if (SmokeRun)
            results.AddRange(RunImage(section.Archive, image.Run, raise, recording));
        Checks.ChecksFile.Save(ChecksFile, results);
        if (SmokeRun)
            state.Forget();
        else
            state.Record(key, ChecksFile, recording.Logged);
        Summarize(results, diagnostics, ChecksFile);
    }

    private static void Summarize(IReadOnlyList<CheckResult> results, IDiagnostics diagnostics, string note)
    {
        var problems = results.Count(r => r.Status != CheckStatus.Pass);
        diagnostics.Info($"Slim: checklist: {results.Count - problems} of {results.Count} checks pass ({note})");
    }

    private IEnumerable<CheckResult> RunImage(string archive, ImageRunSettings run, Checks.ChecksAsErrors raise, IDiagnostics diagnostics)
    {
        var chosen = SmokeRunEngine.Trim();
        var engine = chosen.Length == 0 ? ToolLocator.Find("podman") ?? ToolLocator.Find("docker") : ToolLocator.Find(chosen);
        if (engine is null)
        {
            diagnostics.Warning(SlimDiagnostics.SmokeRunNoEngine, chosen.Length == 0
                ? "neither podman nor docker is on PATH" : $"SlimSmokeRunEngine is '{chosen}', which {ToolLocator.WhyNotFound(chosen)}");
            return [];
        }
        static string[] Words(string text) => text.Split([' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
        var smoke = new Checks.SmokeRun(new ToolRunner(TimeSpan.FromMinutes(2), Cancellation), engine, Words(SmokeRunEngineArgs), Words(SmokeRunArgs),
            cleanup: new ToolRunner(TimeSpan.FromSeconds(30)));
        if (smoke.EngineProblem() is { } problem)
        {
            diagnostics.Warning(SlimDiagnostics.SmokeRunEngineUnusable, engine, problem);
            return [];
        }
        return smoke.Run(archive, run, HealthPath).Select(s => ImageChecker.Report(s.Name, s.Diagnostic, s.Finding, raise, diagnostics)).ToList();
    }
}
