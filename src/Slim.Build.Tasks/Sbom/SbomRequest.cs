namespace Slim.Build.Tasks.Sbom;

/// <summary>What the SBOM describes: the app and the components it is made of.</summary>
/// <param name="AppVersion">The project's Version ("1.0.0").</param>
/// <param name="Timestamp">The image's epoch (SOURCE_DATE_EPOCH or 1970), never the clock, so the image digest stays reproducible.</param>
/// <param name="ToolVersion">Slim's version, for metadata.tools.</param>
internal sealed record SbomRequest(string AppName, string AppVersion, IReadOnlyList<SbomComponent> Components, DateTimeOffset Timestamp, string ToolVersion)
{
    /// <summary>metadata.component's purl: pkg:nuget/&lt;PackageId&gt;@&lt;Version&gt; for a packable project; null: pkg:generic/&lt;AppName&gt;@&lt;AppVersion&gt;.</summary>
    public string? AppPurl { get; init; }

    /// <summary>The image's operating system, from its /etc/os-release; null without an image or without that file.</summary>
    public OsRelease? OperatingSystem { get; init; }

    /// <summary>The file name in slim/ and in the image: "WebApp.cdx.json", which trivy's image scan picks up.</summary>
    public string FileName => AppName + ".cdx.json";

    /// <summary>The app's purl: a NuGet one for a packable project (its PackageId), else a generic one.</summary>
    public static string AppPackageUrl(string appName, string appVersion, bool isPackable, string? packageId) =>
        isPackable ? PackageUrl.NuGet(string.IsNullOrWhiteSpace(packageId) ? appName : packageId.Trim(), appVersion) : PackageUrl.Generic(appName, appVersion);
}
