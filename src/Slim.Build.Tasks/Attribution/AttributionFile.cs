using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Attribution;

/// <summary>obj/.../slim/attribution.json: every byte by origin (SlimWriteAttribution), which the report copies into report.json's `attribution`.</summary>
internal static class AttributionFile
{
    public const string FileName = "attribution.json";

    public static bool Save(string path, AttributionSection attribution) => StateFile.Save(path, attribution, AttributionStateJson.Default.AttributionSection);

    /// <returns>Null when the step did not run (the report then has no attribution).</returns>
    public static AttributionSection? TryLoad(string? path) =>
        !string.IsNullOrEmpty(path) && File.Exists(path) ? StateFile.Load(path, "attribution", AttributionStateJson.Default.AttributionSection) : null;
}
