using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Report;

namespace Slim.Build.Tasks.Budgets;

/// <summary>Turns the csproj's budget properties and items into <see cref="BudgetSettings"/>, reporting each bad value.</summary>
internal static class BudgetSettingsParser
{
    public static BudgetSettings Parse(RawBudgets raw, IDiagnostics diagnostics)
    {
        var maxPublish = Size("SlimMaxPublishSize", raw.MaxPublishSize, diagnostics);
        var maxFile = Size("SlimMaxFileSize", raw.MaxFileSize, diagnostics);
        var patterns = new List<PatternBudget>();
        foreach (var (pattern, max) in raw.PatternBudgets)
        {
            if (string.IsNullOrWhiteSpace(max))
                diagnostics.Error(SlimDiagnostics.BudgetWithoutMax, pattern, max);
            else if (Size($"SlimBudget '{pattern}' Max", max, diagnostics) is { } size)
                patterns.Add(new PatternBudget(pattern, size));
        }

        Growth? growth = null;
        if (!string.IsNullOrWhiteSpace(raw.MaxGrowth))
        {
            if (Growth.TryParse(raw.MaxGrowth, out var parsed)) growth = parsed;
            else diagnostics.Error(SlimDiagnostics.InvalidGrowth, raw.MaxGrowth);
        }

        Baseline? baseline = null;
        if (!string.IsNullOrWhiteSpace(raw.BaselineFile))
        {
            try
            {
                baseline = new Baseline(raw.BaselineFile, ReportReader.ReadPublishTotal(raw.BaselineFile));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                          or KeyNotFoundException or InvalidOperationException)
            {
                diagnostics.Error(SlimDiagnostics.BaselineUnreadable, raw.BaselineFile, e.Message);
            }
        }
        return new BudgetSettings(maxPublish, maxFile, patterns, baseline, growth);
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
