using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Ledger;

/// <summary>What a step did to one file, as report.json writes it ("moved-to-symbols").</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<LedgerAction>))]
internal enum LedgerAction
{
    Published,
    MovedToSymbols,
    Pruned,
    Stripped,
    Packed,
    /// <summary>UPX could not make it smaller: the original ships.</summary>
    NotCompressible,
    /// <summary>The packed executable failed SlimUpxSmokeTest: the original ships.</summary>
    SmokeTestFailed,
}
