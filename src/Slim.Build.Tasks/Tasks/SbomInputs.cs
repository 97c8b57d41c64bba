using System.Reflection;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>The SBOM's request from the task's plain inputs: the app, and the packages and packs its assets file lists.</summary>
internal static class SbomInputs
{
    public static SbomRequest Request(string appName, string appVersion, string assetsFile, string targetFramework, string runtimeIdentifier,
        DateTimeOffset timestamp, IDiagnostics diagnostics)
    {
        var assets = ProjectAssets.ReadIfRestored(assetsFile, targetFramework, runtimeIdentifier);
        if (!File.Exists(assetsFile))
            diagnostics.Warning(SlimDiagnostics.SbomWithoutAssets, assetsFile);
        var version = typeof(SbomInputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return new SbomRequest(appName, string.IsNullOrWhiteSpace(appVersion) ? "0.0.0" : appVersion.Trim(), SbomRequest.FromAssets(assets),
            timestamp, version.Split('+')[0]);
    }
}
