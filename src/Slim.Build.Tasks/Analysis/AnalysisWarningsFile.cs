using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// obj/.../slim/analysis-warnings.json: the analysis warnings, read once (SlimReadAnalysisWarnings) for both the
/// checklist and the report, so the two never count differently.
/// </summary>
internal static class AnalysisWarningsFile
{
    public const string FileName = "analysis-warnings.json";

    public static bool Save(string path, AnalysisWarnings warnings) => StateFile.Save(path, warnings, AnalysisStateJson.Default.AnalysisWarnings);

    /// <returns>None, with a source that says why, when the step that reads them did not run.</returns>
    public static AnalysisWarnings Load(string? path) =>
        !string.IsNullOrEmpty(path) && File.Exists(path) ? StateFile.Load(path, "analysis warnings", AnalysisStateJson.Default.AnalysisWarnings)
        : new AnalysisWarnings(0, [], "not read (SlimReadAnalysisWarnings did not run)");
}
