namespace Slim.Build.Tasks.Diagnostics;

/// <summary>
/// How plain classes report. Each call names a resource in Strings.resx whose text starts
/// with its SLIM code; the task layer turns it into an MSBuild error, warning or message.
/// </summary>
internal interface IDiagnostics
{
    void Error(string resourceName, params object[] args);
    void Warning(string resourceName, params object[] args);
    /// <summary>A coded notice (not a warning) shown at normal verbosity.</summary>
    void Notice(string resourceName, params object[] args);
    /// <summary>A message at normal verbosity (high importance).</summary>
    void Info(string message);
    /// <summary>Detail only shown at detailed verbosity.</summary>
    void Detail(string message);
    bool HasErrors { get; }
}
