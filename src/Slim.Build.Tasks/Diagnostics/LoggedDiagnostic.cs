namespace Slim.Build.Tasks.Diagnostics;

/// <summary>One coded message as it was logged: enough to log it again word for word.</summary>
/// <param name="Level">error, warning or notice.</param>
/// <param name="Args">The message's arguments as the message showed them.</param>
internal sealed record LoggedDiagnostic(string Level, string Code, string ResourceName, IReadOnlyList<string> Args)
{
    public void LogAgain(IDiagnostics diagnostics)
    {
        var diagnostic = new SlimDiagnostic(Code, ResourceName);
        object[] args = [.. Args];
        switch (Level)
        {
            case "error": diagnostics.Error(diagnostic, args); break;
            case "warning": diagnostics.Warning(diagnostic, args); break;
            default: diagnostics.Notice(diagnostic, args); break;
        }
    }
}
