using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks;

/// <summary>
/// Decides what the published app needs at run time from the evidence (app-scan.json from compile, the files
/// that ship) and writes needs.json, which the Dockerfile, the image, the checklist and the report read.
/// </summary>
public sealed class SlimResolveNeeds : SlimTask
{
    /// <summary>ResolvedFileToPublish after the plan: what ships.</summary>
    public ITaskItem[] Files { get; set; } = [];
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>app-scan.json, written by SlimAnalyzeApp right after compile.</summary>
    [Required] public string ScanFile { get; set; } = "";
    [Required] public string NeedsFile { get; set; } = "";
    public string Profile { get; set; } = "";
    public bool IsWebApp { get; set; }
    public bool InvariantTimezone { get; set; }
    /// <summary>SlimTls: "false" opts out of the TLS and cryptography needs (no OpenSSL, no CA bundle in the image).</summary>
    public string Tls { get; set; } = "";
    /// <summary>ContainerPort items: the ports the app listens on, when the project names them.</summary>
    public ITaskItem[] Ports { get; set; } = [];
    /// <summary>ContainerEnvironmentVariable items: a TZ among them (Include="TZ" Value="Europe/Berlin") makes tzdata a need.</summary>
    public ITaskItem[] EnvironmentVariables { get; set; } = [];
    /// <summary>The platform the app runs on: $(RuntimeIdentifier), else the SDK's own (a RID-less publish runs where the image does), e.g. linux-x64.</summary>
    public string RuntimeIdentifier { get; set; } = "";
    /// <summary>SlimCacheDirectory (empty: $XDG_CACHE_HOME/slim or ~/.cache/slim): what the ELF files read before held.</summary>
    public string CacheDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        using var elfFacts = Elf.ElfFactsMemo.Use(Image.Registry.RegistryBaseSource.CacheRoot(CacheDirectory, Environment.GetEnvironmentVariable));
        if (!File.Exists(ScanFile))
            throw new FileNotFoundException($"'{ScanFile}' is missing: SlimAnalyzeApp writes it right after compile.", ScanFile);
        var files = Files.Select(item => PublishItems.From(item, ProjectDirectory))
            .Select(item => new ShippedFile(item.RelativePath, item.Source)).ToList();
        var (openSsl, tls) = PublishEvidence.Find(files, trimmed: SizeProfiles.Parse(Profile) == SizeProfile.Trimmed);
        var ports = Ports.Select(p => int.TryParse(p.ItemSpec, out var port) ? port : 0).Where(p => p is > 0 and < 65536).Distinct().ToList();
        var host = HostNeedFiles.OfThisMachine();
        var needs = NeedsResolver.Resolve(new NeedsInput(AppScan.Load(ScanFile), SizeProfiles.Parse(Profile), IsWebApp, InvariantTimezone, ports,
            openSsl, tls, NativeNeeds.Of(files, host.LibraryFolders, RuntimeIdentifier))
        {
            TlsOptOut = Tls.Equals("false", StringComparison.OrdinalIgnoreCase),
            ContainerTimeZone = EnvironmentVariables.LastOrDefault(e => e.ItemSpec == "TZ")?.GetMetadata("Value"),
        });
        needs = needs with { Needs = needs.Needs.Select(need => need.Needed ? need with { HostBytes = HostBytes(host, need.Kind) } : need).ToList() };
        needs.Save(NeedsFile);
        if (needs.Of(NeedKind.Openssl) is { Needed: false, Evidence.Count: > 0 } optedOut && Tls.Equals("false", StringComparison.OrdinalIgnoreCase))
            diagnostics.Notice(SlimDiagnostics.TlsOptedOut, string.Join("; ", optedOut.Evidence.Take(3)));
        foreach (var need in needs.Needs.Where(n => n.Needed))
            diagnostics.Detail($"Needs {need.Kind}: {need.Reason} ({string.Join("; ", need.Evidence.Take(3))})");
    }

    /// <summary>What the build machine's files for a need weigh: what leaving the need out would save.</summary>
    private static long? HostBytes(HostNeedFiles host, NeedKind kind)
    {
        var lookup = kind switch
        {
            NeedKind.Icu => host.Icu(),
            NeedKind.Openssl => host.OpenSsl(),
            NeedKind.CaCertificates => HostNeedFiles.CaBundle(),
            NeedKind.Tzdata => HostNeedFiles.TimeZones(),
            _ => null,
        };
        return lookup is { Found: true } ? lookup.Bytes : null;
    }
}
