using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Sbom;

/// <summary>
/// obj/.../slim/sbom.json: what the SBOM describes (the app, its NuGet packages and runtime packs), collected once
/// per publish from the assets file; the image step completes it with the base's packages, the SlimSbom step writes
/// it as it is when no image was made.
/// </summary>
internal static class SbomRequestFile
{
    public const string FileName = "sbom.json";

    public static bool Save(string path, SbomRequest request) => StateFile.Save(path, request, SbomStateJson.Default.SbomRequest);

    /// <returns>Null when no SBOM was collected (SlimSbom=false).</returns>
    public static SbomRequest? TryLoad(string? path) =>
        !string.IsNullOrEmpty(path) && File.Exists(path) ? StateFile.Load(path, "SBOM request", SbomStateJson.Default.SbomRequest) : null;
}
