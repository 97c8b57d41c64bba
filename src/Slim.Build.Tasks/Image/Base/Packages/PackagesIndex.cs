using System.Globalization;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The newest version of each package the suites' Packages indexes list (bookworm, then -updates and -security may
/// hold newer ones). Only the fields a lock needs are kept: the index of Debian's main component is some 60,000 stanzas.
/// </summary>
internal sealed class PackagesIndex
{
    private readonly Dictionary<string, IndexEntry> newest = new(StringComparer.Ordinal);

    public int Count => newest.Count;

    public IndexEntry? Newest(string name) => newest.GetValueOrDefault(name);

    public IEnumerable<string> Names => newest.Keys;

    /// <summary>Adds the stanzas of one suite's Packages file.</summary>
    public void Add(TextReader packages, string suite)
    {
        foreach (var stanza in DpkgStatusFile.Parse(packages))
        {
            if (stanza.Field("Filename") is not { } filename || stanza.Field("SHA256") is not { Length: 64 } sha
                || !long.TryParse(stanza.Field("Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                continue;
            var entry = new IndexEntry(stanza.Name, stanza.Version, stanza.Architecture, stanza.Source, suite, filename, size, sha.ToLowerInvariant());
            if (!newest.TryGetValue(entry.Name, out var known) || DebianVersion.Compare(entry.Version, known.Version) > 0)
                newest[entry.Name] = entry;
        }
    }
}
