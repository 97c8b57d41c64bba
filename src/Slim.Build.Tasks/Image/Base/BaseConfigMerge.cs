using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// How an image on an external base combines the base's config with Slim's, as a Dockerfile's FROM would:
/// the base's environment (PATH, SSL_CERT_FILE, ...) and labels are kept unless the project sets the same
/// name, and the project's entrypoint replaces the base's entrypoint and command. User and working folder are
/// the project's (Slim always sets both); the base's history stays in front of Slim's.
/// </summary>
internal static class BaseConfigMerge
{
    /// <summary>The base's variables in their order with the project's values where it sets them, then the project's new ones.</summary>
    public static IReadOnlyList<NameValue> Merge(IReadOnlyList<NameValue> fromBase, IReadOnlyList<NameValue> ours)
    {
        var oursByName = new Dictionary<string, NameValue>(StringComparer.Ordinal);
        foreach (var value in ours)
            oursByName[value.Name] = value;
        var merged = fromBase.Select(b => oursByName.TryGetValue(b.Name, out var o) ? o : b)
            .GroupBy(v => v.Name, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        merged.AddRange(oursByName.Values.Where(o => merged.All(m => m.Name != o.Name)));
        return merged;
    }
}
