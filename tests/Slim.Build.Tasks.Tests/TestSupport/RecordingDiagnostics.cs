using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Keeps every diagnostic a plain class reports, with its resource name and arguments.</summary>
internal sealed class RecordingDiagnostics : IDiagnostics
{
    public List<(string Level, string Resource, object[] Args)> Items { get; } = [];
    public List<string> Messages { get; } = [];
    public bool HasErrors => Items.Any(i => i.Level == "error");

    public IEnumerable<string> Errors => Items.Where(i => i.Level == "error").Select(i => i.Resource);
    public IEnumerable<string> Warnings => Items.Where(i => i.Level == "warning").Select(i => i.Resource);

    public void Error(string resourceName, params object[] args) => Items.Add(("error", resourceName, args));
    public void Warning(string resourceName, params object[] args) => Items.Add(("warning", resourceName, args));
    public void Notice(string resourceName, params object[] args) => Items.Add(("notice", resourceName, args));
    public void Info(string message) => Messages.Add(message);
    public void Detail(string message) => Messages.Add(message);
}
