using System.Globalization;

namespace Slim.Build.Tasks.Diagnostics;

/// <summary>Passes every call on and keeps the coded ones, so a step whose inputs did not change can log them again.</summary>
internal sealed class ReplayableDiagnostics(IDiagnostics inner) : IDiagnostics
{
    private readonly List<LoggedDiagnostic> _logged = [];

    public IReadOnlyList<LoggedDiagnostic> Logged => _logged;

    public bool HasErrors => inner.HasErrors;

    public void Error(SlimDiagnostic diagnostic, params object[] args) => Keep("error", diagnostic, args, () => inner.Error(diagnostic, args));

    public void Warning(SlimDiagnostic diagnostic, params object[] args) => Keep("warning", diagnostic, args, () => inner.Warning(diagnostic, args));

    public void Notice(SlimDiagnostic diagnostic, params object[] args) => Keep("notice", diagnostic, args, () => inner.Notice(diagnostic, args));

    public void Info(string message) => inner.Info(message);

    public void Detail(string message) => inner.Detail(message);

    private void Keep(string level, SlimDiagnostic diagnostic, object[] args, Action log)
    {
        // The message formats each argument as the current culture shows it (no resource gives a format of its own).
        _logged.Add(new LoggedDiagnostic(level, diagnostic.Code, diagnostic.ResourceName, [.. args.Select(a => Convert.ToString(a, CultureInfo.CurrentCulture) ?? "")]));
        log();
    }
}
