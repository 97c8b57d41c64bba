using System.Text.RegularExpressions;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// The names the image carries, repository:tag for each tag, from the .NET SDK's ContainerRepository and
/// ContainerImageTag / ContainerImageTags (';'-separated; it wins when both are set, as in the SDK).
/// </summary>
internal static class ImageNames
{
    // The distribution spec's grammar: lower-case path components; a tag of up to 128 word characters, dots and dashes.
    private static readonly Regex Repository = new(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<string> From(string repository, string tag, string tags, IDiagnostics diagnostics)
    {
        var name = repository.Trim();
        if (!Repository.IsMatch(name))
            diagnostics.Error(SlimDiagnostics.InvalidImageName, "ContainerRepository", repository);
        var property = string.IsNullOrWhiteSpace(tags) ? "ContainerImageTag" : "ContainerImageTags";
        var given = (string.IsNullOrWhiteSpace(tags) ? tag : tags).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (given.Length == 0 && !string.IsNullOrWhiteSpace(tags))
            diagnostics.Error(SlimDiagnostics.InvalidImageName_NoTag, tags);
        foreach (var bad in given.Where(t => !Tag.IsMatch(t)))
            diagnostics.Error(SlimDiagnostics.InvalidImageName, property, bad);
        return given.Length == 0 ? [name + ":latest"] : given.Distinct().Select(t => name + ":" + t).ToList();
    }
}
