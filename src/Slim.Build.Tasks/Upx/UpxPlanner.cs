using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Pipeline;

namespace Slim.Build.Tasks.Upx;

/// <summary>A file to pack and what asked for it.</summary>
/// <param name="Include">The SlimUpxInclude item that named it; null for the app's own executable.</param>
internal sealed record UpxCandidate(PublishItem Item, string? Include)
{
    public bool IsAppExecutable => Include is null;
}

/// <summary>Chooses what UPX packs: the NativeAOT executable and the files SlimUpxInclude names, minus those it must not touch.</summary>
internal static class UpxPlanner
{
    /// <param name="executable">The NativeAOT executable among <paramref name="files"/> (null when the profile has none worth packing).</param>
    public static IReadOnlyList<UpxCandidate> Plan(IReadOnlyList<PublishItem> files, PublishItem? executable, IReadOnlyList<string> includes, IDiagnostics diagnostics)
    {
        var candidates = new List<UpxCandidate>();
        if (executable is not null)
            candidates.Add(new UpxCandidate(executable, null));
        foreach (var include in includes)
        {
            var matches = files.Where(f => Glob.IsMatch(include, f.RelativePath)).ToList();
            if (matches.Count == 0)
                diagnostics.Warning(SlimDiagnostics.UpxIncludeMatchesNothing, include);
            candidates.AddRange(matches.Where(m => candidates.All(c => c.Item.RelativePath != m.RelativePath)).Select(m => new UpxCandidate(m, include)));
        }

        var accepted = new List<UpxCandidate>();
        foreach (var candidate in candidates)
        {
            if (UpxScreen.Check(candidate.Item.Source, candidate.Item.RelativePath, candidate.Include, candidate.Item.Origin) is { } refusal)
                diagnostics.Warning(refusal.Diagnostic, refusal.Args);
            else
                accepted.Add(candidate);
        }
        return accepted;
    }
}
