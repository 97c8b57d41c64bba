using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>What a budget limits, written in lower case in report.json.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<BudgetKind>))]
internal enum BudgetKind
{
    /// <summary>SlimMaxPublishSize: the whole publish folder.</summary>
    Publish,
    /// <summary>SlimMaxFileSize: each file.</summary>
    File,
    /// <summary>A SlimBudget item: the files its pattern matches.</summary>
    Pattern,
    /// <summary>SlimMaxGrowth: the growth over SlimBaselineFile.</summary>
    Growth,
    /// <summary>SlimMaxImageSize: the image's compressed layers.</summary>
    Image,
    /// <summary>SlimMaxImageUnpackedSize: the image's layers unpacked.</summary>
    ImageUnpacked,
}
