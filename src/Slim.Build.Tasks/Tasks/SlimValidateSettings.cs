using Microsoft.Build.Framework;
using Slim.Build.Tasks.Budgets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// Checks every Slim and Container* setting before the publish does any work (before the compile when dotnet publish
/// builds, so a typo never costs a NativeAOT compile), and writes the parsed budgets for the report.
/// </summary>
public sealed class SlimValidateSettings : SlimTask
{
    [Required] public string ProjectName { get; set; } = "";
    /// <summary>aot, trimmed or framework.</summary>
    public string Profile { get; set; } = "";
    /// <summary>safe or aggressive.</summary>
    public string SizeLevel { get; set; } = "safe";
    /// <summary>error or warning.</summary>
    public string BudgetSeverity { get; set; } = "error";
    public bool PublishAot { get; set; }
    public bool PublishTrimmed { get; set; }
    public bool SelfContained { get; set; }
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>The NativeAOT linker the project asked for, if any (CppCompilerAndLinker).</summary>
    public string CppCompilerAndLinker { get; set; } = "";
    /// <summary>SysRoot: set when the project cross-compiles NativeAOT with a target system root.</summary>
    public string SysRoot { get; set; } = "";
    /// <summary>SlimReport: when false nothing measures the publish, so budgets are not parsed and a set budget is named as unchecked.</summary>
    public bool CheckBudgets { get; set; } = true;
    /// <summary>The Slim version, quoted in messages that suggest the SDK form.</summary>
    public string SlimVersion { get; set; } = "";
    /// <summary>SlimMaxPublishSize: a size such as 16MB or 12MiB; empty means no budget.</summary>
    public string MaxPublishSize { get; set; } = "";
    /// <summary>SlimMaxFileSize: a size; empty means no budget.</summary>
    public string MaxFileSize { get; set; } = "";
    /// <summary>SlimMaxImageSize, SlimMaxImageUnpackedSize: sizes of the image; empty means no budget.</summary>
    public string MaxImageSize { get; set; } = "";
    public string MaxImageUnpackedSize { get; set; } = "";
    /// <summary>SlimImage: when false no image is built, so a set image budget is named as unchecked.</summary>
    public bool ImageEnabled { get; set; } = true;
    /// <summary>SlimBudget items: Include (or Files metadata) is a pattern in the publish folder, Max a size.</summary>
    public ITaskItem[] Budgets { get; set; } = [];
    /// <summary>Project files whose wildcard items are read as written (csproj, Directory.Build.props/targets).</summary>
    public ITaskItem[] PatternSources { get; set; } = [];
    /// <summary>SlimBaselineFile: the report.json of an earlier publish.</summary>
    public string BaselineFile { get; set; } = "";
    /// <summary>SlimMaxGrowth: a size (200KB) or a percentage (5%).</summary>
    public string MaxGrowth { get; set; } = "";
    /// <summary>SlimImageFormat: oci (default) or docker.</summary>
    public string ImageFormat { get; set; } = "";
    /// <summary>ContainerRepository, ContainerImageTag, ContainerImageTags: the names the image will carry.</summary>
    public string Repository { get; set; } = "";
    public string Tag { get; set; } = "";
    public string Tags { get; set; } = "";
    /// <summary>ContainerRegistry, e.g. registry.example.com:5000; empty pushes nothing.</summary>
    public string Registry { get; set; } = "";
    /// <summary>SlimRegistryTimeout, SlimPushTimeout: seconds (30, 1800); read only when ContainerRegistry is set.</summary>
    public string RegistryTimeout { get; set; } = "";
    public string PushTimeout { get; set; } = "";
    /// <summary>$(SOURCE_DATE_EPOCH), from the environment: whole seconds since 1970 that every time in the image and SBOM takes.</summary>
    public string SourceDateEpoch { get; set; } = "";
    /// <summary>SlimLockTimeout: seconds a publish waits for another publish of the project (120).</summary>
    public string LockTimeout { get; set; } = "";
    /// <summary>SlimChecks: when false the checklist's own settings are not read.</summary>
    public bool ChecksEnabled { get; set; } = true;
    /// <summary>SlimMaxWastedBytes: a size (20MB, 1MiB, 0); empty for no limit.</summary>
    public string MaxWastedBytes { get; set; } = "";
    /// <summary>SlimChecksAsErrors: true, false, or check codes such as SLIM7003;SLIM7010.</summary>
    public string ChecksAsErrors { get; set; } = "";
    /// <summary>Where the checked settings go (obj/.../slim/settings.json), which the later steps read.</summary>
    public string SettingsFile { get; set; } = "";
    /// <summary>SlimBaseSource: packages (default) or host, what ContainerBaseImage=auto is assembled from.</summary>
    public string BaseSource { get; set; } = "";
    /// <summary>SlimPackageLockFile: the package base's lock, e.g. /src/app/slim.packages.lock.json.</summary>
    public string PackageLockFile { get; set; } = "";
    /// <summary>SlimPackageMirror: ';'-separated Debian archive URLs, each optionally followed by its suites (http://mirror/debian-security bookworm-security).</summary>
    public string PackageMirror { get; set; } = "";
    /// <summary>SlimPackageKeyring: the keyring file InRelease is checked with, e.g. /usr/share/keyrings/debian-archive-keyring.gpg.</summary>
    public string PackageKeyring { get; set; } = "";
    /// <summary>SlimLockedMode: true fails on a package the lock lacks (CI), as NuGet's RestoreLockedMode.</summary>
    public bool LockedMode { get; set; }
    /// <summary>SlimCaCertificates: local (this machine's added CAs, the default), none, or PEM files and folders, ';'-separated.</summary>
    public string CaCertificates { get; set; } = "";
    /// <summary>SlimPackageAllowExpiredRelease: true reads an InRelease past its Valid-Until (a snapshot archive).</summary>
    public bool PackageAllowExpiredRelease { get; set; }
    /// <summary>Where the parsed budgets go (obj/.../slim/budgets.json), for the report.</summary>
    [Required] public string BudgetsFile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var settings = new PublishSettings(ProjectName, Profile, SizeLevel, BudgetSeverity, PublishAot, PublishTrimmed,
            SelfContained, RuntimeIdentifier, CppCompilerAndLinker, string.IsNullOrEmpty(SlimVersion) ? "x.y.z" : SlimVersion) { SysRoot = SysRoot };
        SettingsValidator.Validate(settings, diagnostics, tool => ToolLocator.Find(tool));
        var stepSettings = StepSettingsValidator.Validate(this, diagnostics);
        if (!string.IsNullOrWhiteSpace(SourceDateEpoch) && !ImageEpoch.TryParse(SourceDateEpoch, out _))
            diagnostics.Error(SlimDiagnostics.InvalidSourceDateEpoch, SourceDateEpoch, ImageEpoch.MaximumSeconds);
        try { SecondsSetting.Parse("SlimLockTimeout", LockTimeout, StateLock.DefaultTimeoutSeconds); }
        catch (SlimException e) { diagnostics.Error(e.Diagnostic, e.Args); }
        if (stepSettings is not null && !diagnostics.HasErrors && SettingsFile.Length > 0)
            stepSettings.Save(SettingsFile);
        if (!CheckBudgets)
        {
            string[] set = [.. new[] { ("SlimMaxPublishSize", MaxPublishSize), ("SlimMaxFileSize", MaxFileSize), ("SlimMaxGrowth", MaxGrowth), ("SlimMaxImageSize", MaxImageSize), ("SlimMaxImageUnpackedSize", MaxImageUnpackedSize) }
                .Where(p => p.Item2.Length > 0).Select(p => p.Item1), .. Budgets.Length > 0 ? ["SlimBudget"] : Array.Empty<string>()];
            if (set.Length > 0)
                diagnostics.Warning(SlimDiagnostics.BudgetsWithoutReport, string.Join(", ", set));
            return;
        }
        if (!ImageEnabled)
        {
            string[] image = [.. new[] { ("SlimMaxImageSize", MaxImageSize), ("SlimMaxImageUnpackedSize", MaxImageUnpackedSize) }
                .Where(p => p.Item2.Length > 0).Select(p => p.Item1)];
            if (image.Length > 0)
                diagnostics.Warning(SlimDiagnostics.ImageBudgetsWithoutImage, string.Join(" and ", image));
        }
        var patterns = PatternItems.Read("SlimBudget", Budgets, PatternSources, diagnostics);
        var budgets = BudgetSettingsParser.Parse(new RawBudgets(ProjectName, MaxPublishSize, MaxFileSize, patterns, BaselineFile, MaxGrowth)
            { MaxImageSize = MaxImageSize, MaxImageUnpackedSize = MaxImageUnpackedSize }, diagnostics);
        if (!diagnostics.HasErrors)
            BudgetSettingsFile.Save(BudgetsFile, budgets);
    }
}
