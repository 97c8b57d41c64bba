using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Ledger;

/// <summary>The steps that change the publish folder, in pipeline order: the report lists them in this order.</summary>
/// <remarks>Written in lower case in report.json and in the ledger's file names (strip.json).</remarks>
[JsonConverter(typeof(KebabCaseEnumConverter<LedgerStep>))]
internal enum LedgerStep
{
    /// <summary>What the SDK would publish, before any Slim step.</summary>
    Publish,
    Symbols,
    Prune,
    Strip,
    Upx,
}
