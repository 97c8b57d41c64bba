using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Pipeline;

/// <summary>A file the SDK is about to publish: where it comes from and where it lands.</summary>
/// <param name="Source">The file the SDK copies from.</param>
/// <param name="RelativePath">Where it lands, relative to the publish folder, '/' separators.</param>
internal sealed record PublishItem(string Source, string RelativePath, FileOrigin Origin);
