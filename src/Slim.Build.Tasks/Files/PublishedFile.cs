namespace Slim.Build.Tasks.Files;

/// <summary>A file in the publish folder as measured at the end.</summary>
/// <param name="Path">Relative to the publish folder, with '/' separators.</param>
/// <param name="Origin">app, package, runtime, content, or other (not published by this build's items).</param>
internal sealed record PublishedFile(string Path, long Size, string Origin);
