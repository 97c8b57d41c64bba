namespace Slim.Build.Tasks.Analysis;

/// <summary>Trim and AOT analysis warnings: each means the app may break at run time.</summary>
internal sealed record AnalysisWarnings(int Count, IReadOnlyList<AnalysisWarning> Items, string Source);

internal sealed record AnalysisWarning(string Code, string Message, string? Location);
