using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>
/// Turns <see cref="IDiagnostics"/> calls into MSBuild errors, warnings and messages with their SLIM
/// codes and, for errors and warnings, their help link into docs/diagnostics.md and the project file as their location.
/// </summary>
/// <param name="projectFile">The project the diagnostics are about; empty leaves MSBuild's default (the task's .targets line).</param>
internal sealed class TaskDiagnostics(TaskLoggingHelper log, string projectFile = "") : IDiagnostics
{
    public bool HasErrors => log.HasLoggedErrors;

    private string? File => string.IsNullOrEmpty(projectFile) ? null : projectFile;

    public void Error(SlimDiagnostic diagnostic, params object[] args)
    {
        var message = Format(diagnostic, args, out var code);
        log.LogError(null, code, null, diagnostic.HelpLink, File, 0, 0, 0, 0, "{0}", message);
    }

    public void Warning(SlimDiagnostic diagnostic, params object[] args)
    {
        var message = Format(diagnostic, args, out var code);
        log.LogWarning(null, code, null, diagnostic.HelpLink, File, 0, 0, 0, 0, "{0}", message);
    }

    /// <summary>MSBuild messages have no help link: the notice carries its code and the project only.</summary>
    public void Notice(SlimDiagnostic diagnostic, params object[] args)
    {
        var message = Format(diagnostic, args, out var code);
        log.LogMessage(null, code, null, File, 0, 0, 0, 0, MessageImportance.High, "{0}", message);
    }

    public void Info(string message) => log.LogMessage(MessageImportance.High, "{0}", message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, "{0}", message);

    /// <summary>
    /// The resource's text without its leading "SLIM1001: ", as LogErrorWithCodeFromResources does: the
    /// logger prints the code itself ("error SLIM1001: ...").
    /// </summary>
    private string Format(SlimDiagnostic diagnostic, object[] args, out string code)
    {
        var text = log.FormatResourceString(diagnostic.ResourceName, args);
        code = log.ExtractMessageCode(text, out var message) ?? diagnostic.Code;
        return message;
    }
}
