namespace Slim.Build.Tasks.Analysis;

/// <summary>Trim and AOT analysis warnings: each means the app may break at run time.</summary>
internal sealed record AnalysisWarnings(int Count, IReadOnlyList<AnalysisWarning> Items, string Source);

/// <param name="Location">Source file and line ("Program.cs:3"), when the warning has one.</param>
/// <param name="Tool">Who raised it: "analyzer" (the compiler's Roslyn analyzers), "ILC" (the NativeAOT compiler) or "ILLink" (the trimmer).</param>
/// <param name="Assembly">The assembly the warning is about ("Newtonsoft.Json"), when the tool names one.</param>
/// <param name="Package">The NuGet package that brings that assembly, with <paramref name="PackageVersion"/>.</param>
internal sealed record AnalysisWarning(string Code, string Message, string? Location, string Tool = AnalysisWarning.Analyzer,
    string? Assembly = null, string? Package = null, string? PackageVersion = null)
{
    public const string Analyzer = "analyzer";
    public const string Ilc = "ILC";
    public const string ILLink = "ILLink";
}
