using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Keeps every diagnostic a plain class reports, with its arguments.</summary>
internal sealed class RecordingDiagnostics : IDiagnostics
{
    public List<(string Level, SlimDiagnostic Diagnostic, object[] Args)> Items { get; } = [];
    public List<string> Messages { get; } = [];
    public bool HasErrors => Items.Any(i => i.Level == "error");

    public IEnumerable<SlimDiagnostic> Errors => Items.Where(i => i.Level == "error").Select(i => i.Diagnostic);
    public IEnumerable<SlimDiagnostic> Warnings => Items.Where(i => i.Level == "warning").Select(i => i.Diagnostic);

    public void Error(SlimDiagnostic diagnostic, params object[] args) => Items.Add(("error", diagnostic, args));
    public void Warning(SlimDiagnostic diagnostic, params object[] args) => Items.Add(("warning", diagnostic, args));
    public void Notice(SlimDiagnostic diagnostic, params object[] args) => Items.Add(("notice", diagnostic, args));
    public void Info(string message) => Messages.Add(message);
    public void Detail(string message) => Messages.Add(message);
}
