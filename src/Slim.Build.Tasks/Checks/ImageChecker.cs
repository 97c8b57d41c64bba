using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Runs the production checklist on an image: each check's finding becomes a result, and a problem is logged
/// as a warning with the check's code, or as an error when SlimChecksAsErrors raises that code.
/// </summary>
internal static class ImageChecker
{
    /// <summary>Every check of the image, in the order the report lists them.</summary>
    public static IReadOnlyList<IImageCheck> All { get; } =
    [
        new InterpreterCheck(), new NeededLibrariesCheck(), new GlibcVersionsCheck(),
        new TlsNeedCheck(), new IcuNeedCheck(), new TzdataNeedCheck(),
        new NonRootUserCheck(), new ShellCheck(), new PackageManagerCheck(), new FilePermissionsCheck(),
        new EntrypointCheck(), new WorkingDirectoryCheck(),
        new DebugSymbolsCheck(), new SecretsCheck(), new LayerWasteCheck(), new AnalysisWarningsCheck(),
    ];

    private static readonly string[] SmokeRunCodes =
        [SlimDiagnostics.SmokeRunConsoleFailed.Code, SlimDiagnostics.SmokeRunServiceDown.Code, SlimDiagnostics.SmokeRunStopFailed.Code];

    /// <summary>The codes SlimChecksAsErrors may name.</summary>
    public static IReadOnlyCollection<string> Codes => [.. All.Select(c => c.Diagnostic.Code).Concat(SmokeRunCodes).Distinct()];

    public static IReadOnlyList<CheckResult> Run(IEnumerable<IImageCheck> checks, ImageCheckContext context, ChecksAsErrors raise, IDiagnostics diagnostics) =>
        [.. checks.Select(check => Report(check.Name, check.Diagnostic, check.Run(context), raise, diagnostics))];

    /// <summary>Logs a finding's problem and turns it into its result.</summary>
    public static CheckResult Report(string name, SlimDiagnostic diagnostic, CheckFinding finding, ChecksAsErrors raise, IDiagnostics diagnostics)
    {
        var status = CheckStatus.Pass;
        if (finding.Problem is { } args)
        {
            var error = raise.Raises(diagnostic.Code);
            status = error ? CheckStatus.Fail : CheckStatus.Warn;
            if (error)
                diagnostics.Error(diagnostic, args);
            else
                diagnostics.Warning(diagnostic, args);
        }
        return new CheckResult(diagnostic.Code, name, status, finding.Summary, finding.Evidence);
    }
}
