using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// The SHA-256 of files read before, kept in a small JSON file by full path with the size and write time they had:
/// a file whose size and write time (to the 100 ns) are unchanged is not read again. The shared runtime a framework
/// app's image carries is about 100 MB whose bytes never change between publishes; a file rewritten (ILLink's output,
/// a new runtime) has a new write time and is hashed again. Several writers at once: the last whole file wins, and a
/// lost entry only costs one more read. A missing or damaged memo is an empty one.
/// </summary>
/// <param name="memoFile">Where the memo lives, e.g. ~/.cache/slim/layers/file-hashes.memo; null: hash every time.</param>
internal sealed partial class FileHashMemo(string? memoFile)
{
    internal sealed record Known(long Length, long WriteTicks, string Sha256);

    private Dictionary<string, Known>? _known;
    private bool _changed;

    /// <returns>Upper-case hex SHA-256 of the file's bytes.</returns>
    public string Sha256(string file)
    {
        var info = new FileInfo(file);
        var full = info.FullName;
        var known = Load();
        if (known.TryGetValue(full, out var entry) && entry.Length == info.Length && entry.WriteTicks == info.LastWriteTimeUtc.Ticks)
            return entry.Sha256;
        var hash = FileSha256.Hex(full);
        // A file written while it was read gets a new write time: remember only what the bytes were under the time seen before.
        if (memoFile is not null && new FileInfo(full) is { } after && after.Length == info.Length && after.LastWriteTimeUtc == info.LastWriteTimeUtc)
        {
            known[full] = new Known(info.Length, info.LastWriteTimeUtc.Ticks, hash);
            _changed = true;
        }
        return hash;
    }

    /// <summary>Writes the memo when a file was hashed that it did not know.</summary>
    public void Save()
    {
        if (memoFile is null || !_changed || _known is null)
            return;
        // Files that are gone (an older runtime removed) leave the memo.
        var present = _known.Where(k => File.Exists(k.Key)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        AtomicFile.WriteAllText(memoFile, JsonSerializer.Serialize(present, FileHashMemoJson.Default.DictionaryStringKnown));
        _changed = false;
    }

    private Dictionary<string, Known> Load()
    {
        if (_known is not null)
            return _known;
        _known = new Dictionary<string, Known>(StringComparer.Ordinal);
        if (memoFile is null || !File.Exists(memoFile))
            return _known;
        try
        {
            if (JsonSerializer.Deserialize(File.ReadAllText(memoFile), FileHashMemoJson.Default.DictionaryStringKnown) is { } read)
                _known = new Dictionary<string, Known>(read.Where(k => k.Value is { Sha256.Length: 64 }), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
        }
        return _known;
    }

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSerializable(typeof(Dictionary<string, Known>))]
    private sealed partial class FileHashMemoJson : JsonSerializerContext;
}
