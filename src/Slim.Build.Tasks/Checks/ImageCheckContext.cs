using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Checks;

/// <summary>What the checks read: the image, its ELF files, and the facts the pipeline already settled.</summary>
/// <param name="Needs">needs.json; null when the publish did not reach the needs step.</param>
/// <param name="BaseImage">ContainerBaseImage as given (auto, scratch, ...): named in messages.</param>
/// <param name="MaxWastedBytes">SlimMaxWastedBytes; null for no limit.</param>
internal sealed record ImageCheckContext(
    ImageFileSystem Image,
    ImageElfFiles Elf,
    RuntimeNeeds? Needs,
    AnalysisWarnings Analysis,
    string BaseImage,
    long? MaxWastedBytes);
