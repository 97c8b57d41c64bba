using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>One budget checked against one publish, as report.json records it.</summary>
/// <param name="Name">What the user set: SlimMaxPublishSize, SlimMaxFileSize, SlimBudget's Include, SlimMaxGrowth.</param>
/// <param name="Subject">The file a file budget is about; the pattern of a SlimBudget.</param>
/// <param name="Largest">The biggest files counted by this budget, largest first.</param>
internal sealed record BudgetResult(
    BudgetKind Kind,
    string Name,
    string Limit,
    long LimitBytes,
    long ActualBytes,
    bool Passed,
    string? Subject,
    IReadOnlyList<PublishedFile> Largest);
