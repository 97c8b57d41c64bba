namespace Slim.Build.Tasks.Checks;

/// <summary>A file a lower layer ships that the image never shows: an upper layer wrote the same path again, or deleted it with a whiteout.</summary>
/// <param name="DeletedBy">True for a whiteout, false for a file written again.</param>
internal sealed record WastedFile(string Path, int Layer, long Size, bool DeletedBy);
