using System.Xml.Linq;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Budgets;

/// <summary>A SlimBudget item as MSBuild evaluated it.</summary>
/// <param name="Files">Optional glob in metadata, which MSBuild never expands.</param>
internal sealed record EvaluatedBudgetItem(string Include, string Max, string Files);

/// <summary>
/// Collects the SlimBudget globs. MSBuild expands a wildcard Include against the project folder at
/// evaluation, so <c>&lt;SlimBudget Include="**/*.so" /&gt;</c> reaches a task as nothing (or as the
/// project's own .so files). Slim reads such elements from the project files' XML instead.
/// </summary>
internal static class BudgetItemReader
{
    /// <param name="diagnostics">Where to warn about budgets Slim cannot read; null when the warning was already given.</param>
    public static IReadOnlyList<(string Pattern, string Max)> Read(
        IEnumerable<EvaluatedBudgetItem> evaluated, IEnumerable<string> projectFiles, IDiagnostics? diagnostics)
    {
        var fromXml = new List<(string Pattern, string Max)>();
        foreach (var file in projectFiles.Where(f => !string.IsNullOrEmpty(f) && File.Exists(f)).Distinct())
        foreach (var element in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "SlimBudget"))
        {
            var include = (string?)element.Attribute("Include") ?? "";
            if (!HasWildcard(include))
                continue;
            if (element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null))
            {
                diagnostics?.Warning(SlimDiagnostics.BudgetGlobConditional, include, file);
                continue;
            }
            var max = (string?)element.Attribute("Max") ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Max")?.Value ?? "";
            fromXml.Add((include, max));
        }

        var expansions = fromXml.Select(x => Glob.ToRegex(x.Pattern)).ToList();
        var direct = evaluated
            .Where(item => !string.IsNullOrEmpty(item.Files) || !expansions.Any(glob => glob.IsMatch(item.Include.Replace('\\', '/'))))
            .Select(item => (string.IsNullOrEmpty(item.Files) ? item.Include : item.Files, item.Max));
        return direct.Concat(fromXml).Distinct().ToList();
    }

    private static bool HasWildcard(string include) => include.Contains('*') || include.Contains('?');
}
