using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Checks;

/// <summary>obj/.../slim/checks.json: the checklist's results, which the report copies into report.json's `checks`.</summary>
internal static class ChecksFile
{
    public const string FileName = "checks.json";

    public static bool Save(string path, IReadOnlyList<CheckResult> checks) => StateFile.Save(path, checks, ChecksStateJson.Default.IReadOnlyListCheckResult);

    public static IReadOnlyList<CheckResult> TryLoad(string? path) =>
        !string.IsNullOrEmpty(path) ? StateFile.TryLoad(path, ChecksStateJson.Default.ListCheckResult) ?? [] : [];
}
