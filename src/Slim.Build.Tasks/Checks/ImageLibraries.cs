using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Checks;

/// <summary>Finds files in the image by name, where the loader and the runtime look for them.</summary>
internal static class ImageLibraries
{
    /// <summary>Files (or links to files) whose name matches <paramref name="name"/>, e.g. ^libssl\.so\.\d+$.</summary>
    public static IReadOnlyList<string> Matching(ImageFileSystem image, Regex name) =>
        [.. image.Entries.Where(e => e.Kind is ImageEntryKind.File or ImageEntryKind.Symlink or ImageEntryKind.HardLink
                                   && name.IsMatch(e.Path[(e.Path.LastIndexOf('/') + 1)..])
                                   && image.Resolve(e.Path) is { Kind: ImageEntryKind.File })
            .Select(e => e.Display)];
}
