using Microsoft.Build.Framework;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>Warns when the app's own code calls APIs that Slim's switches or a minimal base break.</summary>
public sealed class SlimAnalyzeApp : SlimTask
{
    /// <summary>The app's compiled IL assembly (obj/.../App.dll).</summary>
    [Required] public string AppAssembly { get; set; } = "";
    /// <summary>True when Slim, not the project, set InvariantGlobalization=true.</summary>
    public bool InvariantGlobalizationSetBySlim { get; set; }
    public string Profile { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        if (!File.Exists(AppAssembly))
            return;
        var app = Path.GetFileName(AppAssembly);
        foreach (var call in AppCallScanner.Scan(AppAssembly))
        {
            if (call.Kind == AppCallScanner.Culture && InvariantGlobalizationSetBySlim)
                diagnostics.Warning(SlimDiagnostics.InvariantGlobalizationCultureCall, app, call.Member);
            else if (call.Kind == AppCallScanner.TimeZone)
                diagnostics.Warning(SlimDiagnostics.TimeZoneLookup, app, call.Member);
            else if (call.Kind == AppCallScanner.SlimBuilder && Profile.Equals("trimmed", StringComparison.OrdinalIgnoreCase))
                diagnostics.Warning(SlimDiagnostics.SlimBuilderTrimmed, app);
        }
    }
}
