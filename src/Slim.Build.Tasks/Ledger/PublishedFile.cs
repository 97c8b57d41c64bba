using Slim.Build.Tasks.Ledger;

namespace Slim.Build.Tasks;

/// <summary>A file in the publish folder as measured at the end.</summary>
/// <param name="Path">Relative to the publish folder, with '/' separators.</param>
internal sealed record PublishedFile(string Path, long Size, FileOrigin Origin);
