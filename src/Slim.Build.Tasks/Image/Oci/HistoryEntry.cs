namespace Slim.Build.Tasks.Image.Oci;

/// <summary>One entry of a config's history; <paramref name="EmptyLayer"/> entries (ENV, LABEL) made no layer.</summary>
internal sealed record HistoryEntry(string? Created, string? CreatedBy, string? Author = null, string? Comment = null, bool EmptyLayer = false);
