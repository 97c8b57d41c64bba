using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks;

/// <summary>
/// Runs right after compile: reads the metadata of the app's assembly, its projects' and its packages' for
/// what the app asks of the machine (cultures, time zones, TLS), decides InvariantGlobalization where the
/// project left it to Slim, and writes both to app-scan.json for the needs step.
/// </summary>
public sealed class SlimAnalyzeApp : SlimTask
{
    /// <summary>The app's compiled IL assembly (obj/.../App.dll).</summary>
    [Required] public string AppAssembly { get; set; } = "";
    /// <summary>
    /// ReferenceCopyLocalPaths: the assemblies of the projects the app references (their culture calls decide,
    /// as the app's do) and of NuGet packages (their time-zone and TLS uses count); runtime packs are skipped.
    /// </summary>
    public ITaskItem[] References { get; set; } = [];
    /// <summary>InvariantGlobalization as the project set it; empty when Slim may choose.</summary>
    public string ProjectInvariantGlobalization { get; set; } = "";
    /// <summary>
    /// The app's culture-specific EmbeddedResource items (Strings.de.resx, %(Culture) de) and its projects' satellite
    /// assemblies (ReferenceSatellitePaths, de/Lib.resources.dll): a localized app keeps globalization on.
    /// </summary>
    public ITaskItem[] LocalizedResources { get; set; } = [];
    /// <summary>ContainerEnvironmentVariable items: a LANG or LC_ALL among them (de_DE.UTF-8) keeps globalization on.</summary>
    public ITaskItem[] EnvironmentVariables { get; set; } = [];
    public string SizeLevel { get; set; } = "";
    /// <summary>$(_SlimSwitchesSet): the switches Slim set at evaluation, e.g. ";MetricsSupport=false;DebuggerSupport=false".</summary>
    public string SwitchesSet { get; set; } = "";
    /// <summary>The project uses Microsoft.NET.Sdk.Web.</summary>
    public bool IsWebApp { get; set; }
    public string Profile { get; set; } = "";
    /// <summary>Slim.Sdk chose the profile (the project set none): an unsupported framework part is then an error.</summary>
    public bool ProfileChosenBySdk { get; set; }
    /// <summary>Why Slim.Sdk chose it: the project files that showed MVC, Razor Pages or Razor components, or empty.</summary>
    public string ProfileEvidence { get; set; } = "";
    /// <summary>obj/.../slim/app-scan.json.</summary>
    [Required] public string ScanFile { get; set; } = "";

    /// <summary>"true" or "false": the value the rest of the build uses.</summary>
    [Output] public string InvariantGlobalization { get; set; } = "";

    /// <summary>The feature switches Slim set that the app's code relies on, e.g. "MetricsSupport;HttpActivityPropagationSupport": the targets turn them back on.</summary>
    [Output] public string KeptSwitches { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (!File.Exists(AppAssembly))
            return;
        CheckProfileSupportsApp(diagnostics);
        var calls = AppScan.ScanAssemblies(
            References.Select(RoleOf).OfType<(string, AssemblyRole)>().Prepend((AppAssembly, AssemblyRole.App)));
        var cultureCalls = calls.Where(c => c.Kind == AppCallScanner.Culture && c.Role != AssemblyRole.Package)
            .Select(c => c.ToEvidence())
            .Concat(Needs.LocalizedResources.Evidence(Path.GetFileNameWithoutExtension(AppAssembly), LocalizedResources.Select(CultureOf)))
            .Concat(Needs.LocalizedResources.FromEnvironment(EnvironmentVariables.Select(e => (e.ItemSpec, e.GetMetadata("Value"))))).ToList();
        var aggressive = SizeLevel.Equals("aggressive", StringComparison.OrdinalIgnoreCase);
        var decision = GlobalizationDecision.Decide(ProjectInvariantGlobalization, aggressive, cultureCalls);
        new AppScan(decision, calls).Save(ScanFile);
        InvariantGlobalization = decision.Invariant ? "true" : "false";
        var kept = FeatureSwitchDecision.Keep(calls, IsWebApp, SizeProfiles.Parse(Profile) == SizeProfile.Aot)
            .Where(k => SwitchesSet.Contains($";{k.Property}=false", StringComparison.Ordinal)).ToList();
        KeptSwitches = string.Join(";", kept.Select(k => k.Property));
        foreach (var switchKept in kept)
            diagnostics.Notice(SlimDiagnostics.FeatureSwitchKept, switchKept.Property, switchKept.Evidence.Source, switchKept.Evidence.Detail);

        if (decision.DecidedBy == GlobalizationDecision.BySlim && cultureCalls.Count > 0)
        {
            if (decision.Invariant)
                diagnostics.Warning(SlimDiagnostics.InvariantGlobalizationCultureCall, cultureCalls[0].Source, cultureCalls[0].Detail);
            else
                diagnostics.Notice(SlimDiagnostics.GlobalizationKept, cultureCalls[0].Source, cultureCalls[0].Detail);
        }
        foreach (var call in calls.Where(c => c.Kind == AppCallScanner.TimeZone && c.Role != AssemblyRole.Package).Take(1))
            diagnostics.Warning(SlimDiagnostics.TimeZoneLookup, call.Assembly, call.Member);
        foreach (var call in calls.Where(c => c.Kind == AppCallScanner.ProcessStart && c.Role != AssemblyRole.Package).Take(1))
            diagnostics.Warning(SlimDiagnostics.ProcessStart, call.Assembly, call.Member);
        if (SizeProfiles.Parse(Profile) == SizeProfile.Trimmed
            && calls.Any(c => c.Kind == AppCallScanner.SlimBuilder && c.Role == AssemblyRole.App))
            diagnostics.Warning(SlimDiagnostics.SlimBuilderTrimmed, Path.GetFileName(AppAssembly));
    }

    private void CheckProfileSupportsApp(IDiagnostics diagnostics)
    {
        var profile = SizeProfiles.TryParse(Profile, out var parsed) ? parsed : SizeProfile.Framework;
        if (ProfileChosenBySdk)
            diagnostics.Notice(SlimDiagnostics.ProfileChosen, profile.JsonName(), ProfileReason(profile));
        if (profile == SizeProfile.Framework || UnsupportedFrameworkUse.Find(AppAssembly) is not var (feature, assembly))
            return;
        var app = Path.GetFileName(AppAssembly);
        if (ProfileChosenBySdk)
            diagnostics.Error(SlimDiagnostics.UnsupportedByProfile_Chosen, app, feature, assembly, profile.JsonName());
        else
            diagnostics.Warning(SlimDiagnostics.UnsupportedByProfile_Set, app, feature, assembly, profile.JsonName());
    }

    private string ProfileReason(SizeProfile profile)
    {
        var evidence = ProfileEvidence.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (evidence.Length == 0)
            return profile == SizeProfile.Aot
                ? "no MVC, Razor Pages or Razor components in the project's files, so NativeAOT gives the smallest image"
                : "the project's files show nothing NativeAOT does not support";
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var first = Path.GetRelativePath(projectDirectory, evidence[0]);
        var more = evidence.Length > 1 ? $" and {evidence.Length - 1} more file(s)" : "";
        return $"{first}{more} show MVC, Razor Pages or Razor components, which NativeAOT and trimming do not support";
    }

    private static (string File, string Culture) CultureOf(ITaskItem resource)
    {
        var culture = resource.GetMetadata("Culture");
        var path = resource.ItemSpec.Replace('\\', '/');
        // A satellite assembly's culture is its folder: de/Lib.resources.dll.
        if (culture.Length == 0 && path.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
            culture = Path.GetFileName(Path.GetDirectoryName(resource.ItemSpec) ?? "");
        var parent = Path.GetFileName(Path.GetDirectoryName(resource.ItemSpec) ?? "");
        return (culture == parent ? culture + "/" + Path.GetFileName(path) : Path.GetFileName(path), culture);
    }

    private static (string Path, AssemblyRole Role)? RoleOf(ITaskItem reference)
    {
        var path = reference.GetMetadata("FullPath");
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return null;
        if (reference.GetMetadata("ReferenceSourceTarget") == "ProjectReference")
            return (path, AssemblyRole.Project);
        var origin = FileOrigins.Classify(reference.GetMetadata("NuGetPackageId"),
            reference.GetMetadata("RuntimePackAlwaysCopyLocal") == "true", path, "");
        return origin == FileOrigin.Package && reference.GetMetadata("AssetType") != "resources" ? (path, AssemblyRole.Package) : null;
    }
}
