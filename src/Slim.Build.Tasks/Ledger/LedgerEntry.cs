namespace Slim.Build.Tasks.Ledger;

/// <summary>What one step did to one file.</summary>
/// <param name="Path">Relative to the publish folder, '/' separators.</param>
/// <param name="Before">Bytes before the step.</param>
/// <param name="After">Bytes the publish folder gets after the step (0 when the file left it).</param>
/// <param name="Action">published, moved-to-symbols, pruned, stripped, ...</param>
/// <param name="Origin">app, package, runtime or content.</param>
internal sealed record LedgerEntry(string Path, long Before, long After, string Action, string Origin);
