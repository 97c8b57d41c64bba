using Slim.Build.Tasks.Sbom;

namespace Slim.Build.Tasks;

/// <summary>The assets file a task was given, or nothing when the project was not restored with one.</summary>
internal static class ProjectAssetsFile
{
    public static ProjectAssets Read(string assetsFile, string targetFramework, string runtimeIdentifier) =>
        !string.IsNullOrEmpty(assetsFile) && File.Exists(assetsFile) ? ProjectAssets.Read(assetsFile, targetFramework, runtimeIdentifier) : ProjectAssets.Empty;
}
