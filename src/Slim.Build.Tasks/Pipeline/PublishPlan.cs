using Slim.Build.Tasks.Ledger;

namespace Slim.Build.Tasks.Pipeline;

/// <summary>What Slim does to the files of one publish before the SDK copies them.</summary>
internal sealed record PublishPlan(
    IReadOnlyList<PublishItem> ToSymbols,
    IReadOnlyList<PublishItem> ToPrune,
    IReadOnlyList<PublishItem> ToStrip,
    IReadOnlyList<SizeLedger> Ledgers);
