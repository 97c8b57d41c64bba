using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks;

/// <summary>Reads items that name published files (SlimBudget, SlimKeep, ...) through <see cref="PatternItemReader"/>.</summary>
internal static class PatternItems
{
    public static IReadOnlyList<PublishPattern> Read(string itemType, ITaskItem[] items, ITaskItem[] sources, IDiagnostics? diagnostics)
    {
        // MSBuild's own items enumerate their metadata as KeyValuePair, a TaskItem as DictionaryEntry: read the keys only.
        var evaluated = items.Select(i => new EvaluatedItem(i.ItemSpec,
            i.CloneCustomMetadata().Keys.Cast<string>().ToDictionary(name => name, i.GetMetadata, StringComparer.OrdinalIgnoreCase)));
        return PatternItemReader.Read(itemType, evaluated, sources.Select(s => s.ItemSpec), diagnostics);
    }
}
