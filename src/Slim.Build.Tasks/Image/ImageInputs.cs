namespace Slim.Build.Tasks.Image;

/// <summary>What one build of an image read from this machine besides the publish folder, and what it wrote (<see cref="ImageStamp"/>).</summary>
/// <param name="Watched">The files its layers were made from, and folders whose contents it chose from (the added CAs').</param>
/// <param name="Written">The archive, the SBOM, the layer blobs and the documents the push step sends.</param>
internal sealed record ImageInputs(IReadOnlyList<string> Watched, IReadOnlyList<string> Written);
