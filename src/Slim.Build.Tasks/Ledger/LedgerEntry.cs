using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Ledger;

/// <summary>What one step did to one file.</summary>
/// <param name="Path">Relative to the publish folder, '/' separators.</param>
/// <param name="Before">Bytes before the step.</param>
/// <param name="After">Bytes the publish folder gets after the step (0 when the file left it).</param>
/// <param name="GzipBefore">Gzipped bytes before the step, for steps whose disk saving overstates the wire saving (upx).</param>
/// <param name="GzipAfter">Gzipped bytes after the step.</param>
internal sealed record LedgerEntry(
    string Path, long Before, long After, LedgerAction Action, FileOrigin Origin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? GzipBefore = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? GzipAfter = null)
{
    /// <summary>After / Before on disk, e.g. 0.35.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Ratio => GzipBefore is null || Before == 0 ? null : Math.Round((double)After / Before, 4);

    /// <summary>GzipAfter / GzipBefore: the share of the transfer that is left.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GzipRatio => GzipBefore is null or 0 || GzipAfter is null ? null : Math.Round((double)GzipAfter.Value / GzipBefore.Value, 4);
}
