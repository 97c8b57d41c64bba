namespace Slim.Build.Tasks.Sbom;

/// <summary>What the SBOM describes: the app and the components it is made of.</summary>
/// <param name="AppVersion">The project's Version ("1.0.0").</param>
/// <param name="Timestamp">The image's epoch (SOURCE_DATE_EPOCH or 1970), never the clock, so the image digest stays reproducible.</param>
/// <param name="ToolVersion">Slim's version, for metadata.tools.</param>
internal sealed record SbomRequest(string AppName, string AppVersion, IReadOnlyList<SbomComponent> Components, DateTimeOffset Timestamp, string ToolVersion)
{
    /// <summary>The app's NuGet packages and runtime packs, from the assets file.</summary>
    public static IReadOnlyList<SbomComponent> FromAssets(ProjectAssets assets) =>
        [.. assets.Packages.Select(p => SbomComponent.NuGet(p.Id, p.Version)),
         .. assets.Packs.Select(p => SbomComponent.NuGet(p.Id, p.Version, SbomComponentKind.RuntimePack))];

    /// <summary>The file name in slim/ and in the image: "WebApp.cdx.json", which trivy's image scan picks up.</summary>
    public string FileName => AppName + ".cdx.json";
}
