namespace Slim.Build.Tasks.Files;

/// <summary>A file in the publish folder as measured at the end.</summary>
/// <param name="Path">Relative to the publish folder, with '/' separators.</param>
internal sealed record PublishedFile(string Path, long Size, FileOrigin Origin);
