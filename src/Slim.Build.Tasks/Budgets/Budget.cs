using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>A <c>SlimBudget</c> item: the files matching <see cref="Pattern"/> may add up to <see cref="Max"/>.</summary>
internal sealed record PatternBudget(string Pattern, ByteSize Max);

/// <summary>Every budget a project sets, already parsed.</summary>
internal sealed record BudgetSettings(
    ByteSize? MaxPublishSize,
    ByteSize? MaxFileSize,
    IReadOnlyList<PatternBudget> PatternBudgets,
    Baseline? Baseline,
    Growth? MaxGrowth)
{
    public static BudgetSettings None { get; } = new(null, null, [], null, null);

    /// <summary>SlimMaxImageSize: the image's bytes on the wire (its compressed layers).</summary>
    public ByteSize? MaxImageSize { get; init; }

    /// <summary>SlimMaxImageUnpackedSize: the image's layers unpacked.</summary>
    public ByteSize? MaxImageUnpackedSize { get; init; }
}

/// <summary>The total of an earlier publish, read from its report.json.</summary>
internal sealed record Baseline(string Path, long TotalBytes);
