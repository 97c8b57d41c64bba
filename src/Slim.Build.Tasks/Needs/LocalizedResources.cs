namespace Slim.Build.Tasks.Needs;

/// <summary>
/// Satellite resources of the app or its projects (Strings.de.resx) show a localized app: the runtime picks
/// their culture from LANG or LC_ALL, which invariant globalization ignores, so the app would show its neutral
/// strings and invariant formats where it showed German ones. Evidence for keeping globalization on, as a
/// named-culture call is; so is a LANG the image itself sets.
/// </summary>
internal static class LocalizedResources
{
    /// <param name="appName">The app's assembly name, e.g. "Misc".</param>
    /// <param name="resources">Each localized resource by its file name and culture, e.g. ("Strings.de.resx", "de") or ("de/Lib.resources.dll", "de").</param>
    public static IReadOnlyList<NeedEvidence> Evidence(string appName, IEnumerable<(string File, string Culture)> resources)
    {
        var found = resources.Where(r => !string.IsNullOrWhiteSpace(r.Culture)).ToList();
        if (found.Count == 0)
            return [];
        var cultures = string.Join(", ", found.Select(r => r.Culture).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));
        var files = string.Join(", ", found.Select(r => r.File).Distinct(StringComparer.Ordinal).Take(3));
        return [new NeedEvidence(appName, $"ships satellite resources for {cultures} ({files}), shown under the culture LANG or LC_ALL selects at run time")];
    }

    /// <summary>LANG, LC_ALL or LC_MESSAGES set by the image (ContainerEnvironmentVariable) to a culture: the app formats in it.</summary>
    /// <param name="variables">The image's environment by name, e.g. ("LANG", "de_DE.UTF-8").</param>
    public static IReadOnlyList<NeedEvidence> FromEnvironment(IEnumerable<(string Name, string Value)> variables) =>
        [.. variables
            .Where(v => v.Name is "LANG" or "LC_ALL" or "LC_MESSAGES" && v.Value.Split('.')[0].Trim() is { Length: > 0 } locale && locale is not ("C" or "POSIX"))
            .Select(v => new NeedEvidence("ContainerEnvironmentVariable", $"sets {v.Name}={v.Value}, the culture the app formats in"))];
}
