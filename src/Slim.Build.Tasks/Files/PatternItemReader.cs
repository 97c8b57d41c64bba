using System.Xml.Linq;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Files;

/// <summary>An item as MSBuild evaluated it: its Include and its custom metadata (Files, Max, ...).</summary>
internal sealed record EvaluatedItem(string Include, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A pattern over the publish folder that the project wrote, with the item's metadata.</summary>
/// <param name="Pattern">Relative to the publish folder, '/' separators: '*' and '?' stay in one folder, '**' spans folders.</param>
internal sealed record PublishPattern(string Pattern, IReadOnlyDictionary<string, string> Metadata)
{
    public string Get(string name) => Metadata.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// The one way Slim reads items that name published files (SlimBudget, SlimKeep, SlimPrune,
/// SlimStripExclude, SlimUpxInclude). MSBuild expands a wildcard Include against the project folder at
/// evaluation, so <c>&lt;SlimStripExclude Include="*.so" /&gt;</c> reaches a task as nothing, or as the
/// project's own files. Slim reads wildcard elements from the project files as written instead, drops
/// what MSBuild expanded from them, and takes Files metadata (never expanded) as the pattern when set.
/// </summary>
internal static class PatternItemReader
{
    private static readonly HashSet<string> NotMetadata = ["Include", "Exclude", "Remove", "Update", "Condition", "KeepMetadata", "RemoveMetadata", "KeepDuplicates"];

    /// <param name="diagnostics">Where to warn about wildcard items Slim cannot read; null when the warning was already given.</param>
    public static IReadOnlyList<PublishPattern> Read(string itemType, IEnumerable<EvaluatedItem> evaluated, IEnumerable<string> projectFiles, IDiagnostics? diagnostics)
    {
        var written = new List<PublishPattern>();
        foreach (var file in projectFiles.Where(f => !string.IsNullOrEmpty(f) && File.Exists(f)).Distinct())
        foreach (var element in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == itemType))
        {
            var include = (string?)element.Attribute("Include") ?? "";
            if (!HasWildcard(include))
                continue;
            if (element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null))
            {
                diagnostics?.Warning(SlimDiagnostics.PatternItemConditional, itemType, include, file);
                continue;
            }
            written.Add(new PublishPattern(Normalize(include), MetadataOf(element)));
        }

        var expansions = written.Select(x => Glob.ToRegex(x.Pattern)).ToList();
        var direct = evaluated
            .Where(item => item.Metadata.ContainsKey("Files") || !expansions.Any(glob => glob.IsMatch(Normalize(item.Include))))
            .Select(item => new PublishPattern(Normalize(item.Metadata.TryGetValue("Files", out var files) ? files : item.Include), item.Metadata));
        return direct.Concat(written).DistinctBy(p => (p.Pattern, string.Join(";", p.Metadata.OrderBy(m => m.Key).Select(m => m.Key + "=" + m.Value)))).ToList();
    }

    private static Dictionary<string, string> MetadataOf(XElement element)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in element.Attributes().Where(a => !NotMetadata.Contains(a.Name.LocalName)))
            metadata[attribute.Name.LocalName] = attribute.Value;
        foreach (var child in element.Elements())
            metadata[child.Name.LocalName] = child.Value;
        return metadata;
    }

    private static string Normalize(string pattern) => pattern.Replace('\\', '/').TrimStart('/');

    private static bool HasWildcard(string include) => include.Contains('*') || include.Contains('?');
}
