namespace Slim.Build.Tasks.Diagnostics;

/// <summary>
/// How plain classes report. Each call names a <see cref="SlimDiagnostics"/> field, whose resource in
/// Strings.resx starts with its SLIM code; the task layer turns it into an MSBuild error, warning or message.
/// </summary>
internal interface IDiagnostics
{
    void Error(SlimDiagnostic diagnostic, params object[] args);
    void Warning(SlimDiagnostic diagnostic, params object[] args);
    /// <summary>A coded notice (not a warning) shown at normal verbosity.</summary>
    void Notice(SlimDiagnostic diagnostic, params object[] args);
    /// <summary>A message at normal verbosity (high importance).</summary>
    void Info(string message);
    /// <summary>Detail only shown at detailed verbosity.</summary>
    void Detail(string message);
    bool HasErrors { get; }
}
