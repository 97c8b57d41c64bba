using System.Text;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Report;

/// <summary>The run-time needs as people read them: a console line or two, and a table in report.md.</summary>
internal static class NeedsSummary
{
    public static IEnumerable<string> ConsoleLines(RuntimeNeeds? needs)
    {
        if (needs is null)
            yield break;
        var needed = needs.Needs.Where(n => n.Needed).Select(Label).ToList();
        var system = needs.NativeLibraries.Where(l => !l.Ships).Select(l => l.Name).ToList();
        yield return "Slim: needs at run time: " + (needed.Count > 0 ? string.Join(", ", needed) : "nothing beyond glibc")
            + (system.Count > 0 ? "; system libraries: " + string.Join(", ", system) : "");
        yield return "Slim: " + Globalization(needs);
    }

    /// <summary>Why globalization is what it is, what invariant mode would save, and how to change it.</summary>
    public static string Globalization(RuntimeNeeds needs)
    {
        var decision = needs.Globalization;
        if (decision.Invariant)
            return $"globalization invariant ({decision.Reason}): no ICU needed; culture-aware comparisons are ordinal. "
                + (decision.DecidedBy == GlobalizationDecision.BySlim ? "Set InvariantGlobalization=false to keep cultures." : "");
        var icu = needs.Of(NeedKind.Icu)?.HostBytes is { } bytes ? $"ICU, {ByteSize.Human(bytes)} on this machine" : "ICU";
        return decision.DecidedBy == GlobalizationDecision.BySlim
            ? $"globalization kept on because {decision.Reason}. Invariant mode would leave out {icu}; opt in with InvariantGlobalization=true or SlimSizeLevel=aggressive."
            : $"globalization on ({decision.Reason}): the image needs {icu}.";
    }

    public static void AppendMarkdown(StringBuilder md, RuntimeNeeds? needs)
    {
        if (needs is null)
            return;
        md.AppendLine("### Run-time needs");
        md.AppendLine();
        md.AppendLine(Globalization(needs));
        md.AppendLine();
        md.AppendLine("| Need | Needed | Why | Evidence |");
        md.AppendLine("|---|---|---|---|");
        foreach (var need in needs.Needs)
            md.AppendLine($"| {need.Kind.JsonName()} | {(need.Needed ? "yes" : "no")} | {need.Reason} | {string.Join("; ", need.Evidence.Take(5))} |");
        var libraries = needs.NativeLibraries.Where(l => !l.Ships).ToList();
        if (libraries.Count > 0)
            md.AppendLine($"| native libraries | yes | DT_NEEDED of the files that ship | {string.Join("; ", libraries.Select(l => $"{l.Name} ({string.Join(", ", l.NeededBy.Take(3))})"))} |");
        md.AppendLine();
    }

    private static string Label(RuntimeNeed need) => need.Kind switch
    {
        NeedKind.WritableTmp => "writable /tmp",
        NeedKind.ListeningPort => need.Evidence.FirstOrDefault()?.Detail ?? "a port",
        _ => need.Kind.JsonName(),
    };
}
