using System.Reflection;
using Slim.Build.Tasks.Attribution;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>The SBOM's request from the task's plain inputs: the app, and the packages and packs its assets file lists that ship.</summary>
internal static class SbomInputs
{
    /// <param name="app">The project: its name, version and purl.</param>
    /// <param name="published">What the final publish folder (and a NativeAOT executable) holds.</param>
    public static SbomRequest Request(SbomApp app, string assetsFile, string targetFramework, string runtimeIdentifier, PublishedContent published,
        DateTimeOffset timestamp, IDiagnostics diagnostics)
    {
        var assets = ProjectAssets.ReadIfRestored(assetsFile, targetFramework, runtimeIdentifier);
        if (!File.Exists(assetsFile))
            diagnostics.Warning(SlimDiagnostics.SbomWithoutAssets, assetsFile);
        var tool = typeof(SbomInputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var version = string.IsNullOrWhiteSpace(app.Version) ? "0.0.0" : app.Version.Trim();
        return new SbomRequest(app.Name, version, ShippedComponents.From(assets, published), timestamp, tool.Split('+')[0])
        {
            AppPurl = SbomRequest.AppPackageUrl(app.Name, version, app.IsPackable, app.PackageId),
        };
    }

    /// <summary>The publish folder's own files and, for NativeAOT, the assemblies ILC's size map says it compiled in.</summary>
    /// <param name="mstatFile">obj/.../native/&lt;App&gt;.mstat; empty or unreadable: the compiled assemblies are unknown (the attribution step warns).</param>
    /// <param name="mstatMemo">Where the size map's assemblies are kept by its bytes (<see cref="Attribution.MstatAssemblies"/>); null: parse it.</param>
    public static PublishedContent Published(string publishDirectory, string? ownFilesList, string appHost, bool nativeAot, string mstatFile, string? mstatMemo = null)
    {
        var files = Directory.Exists(publishDirectory) ? PublishFolder.RelativeFiles(publishDirectory, ownFilesList) : [];
        IEnumerable<string>? compiled = null;
        if (nativeAot && !string.IsNullOrEmpty(mstatFile) && File.Exists(mstatFile))
        {
            try
            {
                compiled = mstatMemo is null ? MstatReader.Read(mstatFile).Assemblies.Keys : Attribution.MstatAssemblies.Read(mstatFile, mstatMemo);
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidDataException or InvalidOperationException or IOException)
            {
                compiled = null;
            }
        }
        return PublishedContent.Of(files, appHost, nativeAot, compiled);
    }
}
