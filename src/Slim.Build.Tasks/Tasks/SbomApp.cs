namespace Slim.Build.Tasks;

/// <summary>The project the SBOM is about.</summary>
/// <param name="PackageId">$(PackageId), for the purl of a packable project; empty: the name.</param>
internal sealed record SbomApp(string Name, string Version, bool IsPackable, string PackageId);
