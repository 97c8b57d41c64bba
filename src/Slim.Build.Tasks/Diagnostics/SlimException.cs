namespace Slim.Build.Tasks.Diagnostics;

/// <summary>A failure with a SLIM code: the task logs it as an error and stops.</summary>
internal sealed class SlimException(SlimDiagnostic diagnostic, params object[] args)
    : Exception(diagnostic.ToString())
{
    public SlimDiagnostic Diagnostic { get; } = diagnostic;
    public object[] Args { get; } = args;
}
