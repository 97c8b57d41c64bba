namespace Slim.Build.Tasks.Budgets;

/// <summary>Budgets as the csproj spells them, before parsing.</summary>
internal sealed record RawBudgets(
    string MaxPublishSize,
    string MaxFileSize,
    IReadOnlyList<(string Pattern, string Max)> PatternBudgets,
    string BaselineFile,
    string MaxGrowth);
