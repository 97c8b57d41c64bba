using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>Turns <see cref="IDiagnostics"/> calls into MSBuild errors, warnings and messages with their SLIM codes.</summary>
internal sealed class TaskDiagnostics(TaskLoggingHelper log) : IDiagnostics
{
    public bool HasErrors => log.HasLoggedErrors;

    public void Error(SlimDiagnostic diagnostic, params object[] args) => log.LogErrorWithCodeFromResources(diagnostic.ResourceName, args);

    public void Warning(SlimDiagnostic diagnostic, params object[] args) => log.LogWarningWithCodeFromResources(diagnostic.ResourceName, args);

    public void Notice(SlimDiagnostic diagnostic, params object[] args)
    {
        var text = log.FormatResourceString(diagnostic.ResourceName, args);
        var code = log.ExtractMessageCode(text, out var message);
        // The logger prints the code itself ("message SLIM1010: ..."): the text goes without it.
        log.LogMessage(null, code, null, null, 0, 0, 0, 0, MessageImportance.High, "{0}", message);
    }

    public void Info(string message) => log.LogMessage(MessageImportance.High, "{0}", message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, "{0}", message);
}
