using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>Budgets as the project spells them, before parsing: SlimBudget items already read as patterns.</summary>
internal sealed record RawBudgets(
    string ProjectName,
    string MaxPublishSize,
    string MaxFileSize,
    IReadOnlyList<PublishPattern> PatternBudgets,
    string BaselineFile,
    string MaxGrowth)
{
    public string MaxImageSize { get; init; } = "";
    public string MaxImageUnpackedSize { get; init; } = "";
}

/// <summary>Turns the project's budget properties and items into <see cref="BudgetSettings"/>, reporting each bad value.</summary>
internal static class BudgetSettingsParser
{
    public static BudgetSettings Parse(RawBudgets raw, IDiagnostics diagnostics)
    {
        var maxPublish = Size("SlimMaxPublishSize", raw.MaxPublishSize, diagnostics);
        var maxFile = Size("SlimMaxFileSize", raw.MaxFileSize, diagnostics);
        var patterns = new List<PatternBudget>();
        foreach (var budget in raw.PatternBudgets)
        {
            var max = budget.Get("Max");
            if (string.IsNullOrWhiteSpace(max))
                diagnostics.Error(SlimDiagnostics.BudgetWithoutMax, budget.Pattern, max, OtherMetadata(budget));
            else if (Size($"SlimBudget '{budget.Pattern}' Max", max, diagnostics) is { } size)
                patterns.Add(new PatternBudget(budget.Pattern, size));
        }

        Growth? growth = null;
        if (!string.IsNullOrWhiteSpace(raw.MaxGrowth))
        {
            if (Growth.TryParse(raw.MaxGrowth, out var parsed)) growth = parsed;
            else diagnostics.Error(SlimDiagnostics.InvalidGrowth, raw.MaxGrowth);
        }

        Baseline? baseline = null;
        if (!string.IsNullOrWhiteSpace(raw.BaselineFile))
            baseline = ReadBaseline(raw.BaselineFile, raw.ProjectName, diagnostics);
        else if (growth is not null)
            diagnostics.Warning(SlimDiagnostics.MaxGrowthWithoutBaseline, raw.MaxGrowth);
        return new BudgetSettings(maxPublish, maxFile, patterns, baseline, growth)
        {
            MaxImageSize = Size("SlimMaxImageSize", raw.MaxImageSize, diagnostics),
            MaxImageUnpackedSize = Size("SlimMaxImageUnpackedSize", raw.MaxImageUnpackedSize, diagnostics),
        };
    }

    /// <summary>The publish total of an earlier report.json; a report of another project is named, not silently compared.</summary>
    private static Baseline? ReadBaseline(string path, string projectName, IDiagnostics diagnostics)
    {
        try
        {
            var figures = BaselineReader.Read(path);
            if (!string.Equals(figures.ProjectName, projectName, StringComparison.Ordinal))
                diagnostics.Warning(SlimDiagnostics.BaselineFromOtherProject, path, figures.ProjectName, projectName);
            return new Baseline(path, figures.PublishTotal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException
                                      or KeyNotFoundException or InvalidOperationException)
        {
            diagnostics.Error(SlimDiagnostics.BaselineUnreadable, path, e.Message);
            return null;
        }
    }

    /// <summary>What the item carries instead of Max, so a misspelt MaxSize="2MB" is named.</summary>
    private static string OtherMetadata(PublishPattern budget)
    {
        var others = budget.Metadata.Where(m => !m.Key.Equals("Max", StringComparison.OrdinalIgnoreCase) && !m.Key.Equals("Files", StringComparison.OrdinalIgnoreCase))
            .Select(m => $"{m.Key}='{m.Value}'").ToList();
        return others.Count == 0 ? "no other metadata" : "its other metadata: " + string.Join(", ", others);
    }

    /// <summary>An empty value means "no budget"; anything else must be a size.</summary>
    private static ByteSize? Size(string name, string value, IDiagnostics diagnostics)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (ByteSize.TryParse(value, out var size))
            return size;
        diagnostics.Error(SlimDiagnostics.InvalidSize, name, value);
        return null;
    }
}
