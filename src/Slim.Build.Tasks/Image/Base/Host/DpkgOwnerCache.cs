using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// The answers <see cref="DpkgDatabase.OwnerOf"/> gave on earlier builds, kept per user beside the machine-wide
/// layers, so a build whose base holds the same files does not read all of dpkg's file lists again (850 lists,
/// 140,000 paths here: a quarter of a second of CPU). The answers hold while dpkg's state is the one they were
/// read from: the status file's size and time and the info folder's time, which installing, upgrading or
/// removing any package changes.
/// </summary>
internal sealed partial class DpkgOwnerCache
{
    public const string FileName = "dpkg-owners.json";

    /// <summary>An answer that no package installed the path.</summary>
    private const string NoOwner = "";

    private readonly string _path;
    private readonly string _state;
    private readonly Dictionary<string, string> _owners;
    private bool _changed;

    private DpkgOwnerCache(string path, string state, Dictionary<string, string> owners)
    {
        _path = path;
        _state = state;
        _owners = owners;
    }

    public static DpkgOwnerCache Open(string directory, string dpkgRoot)
    {
        var path = Path.Combine(directory, FileName);
        var state = State(dpkgRoot);
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize(File.ReadAllText(path), DpkgOwnerJson.Default.Answers) is { } record && record.State == state)
                return new DpkgOwnerCache(path, state, new Dictionary<string, string>(record.Owners, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be read is rebuilt.
        }
        return new DpkgOwnerCache(path, state, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>The package's .list name for the first spelling an owner is known for, or null for none; false when a spelling was never asked.</summary>
    public bool TryAnswer(IReadOnlyList<string> spellings, out string? listName)
    {
        listName = null;
        foreach (var spelling in spellings)
        {
            if (!_owners.TryGetValue(spelling, out var owner))
                return false;
            if (owner != NoOwner)
            {
                listName = owner;
                return true;
            }
        }
        return true;
    }

    public void Record(string spelling, string? listName)
    {
        var value = listName ?? NoOwner;
        if (!_owners.TryGetValue(spelling, out var known) || known != value)
        {
            _owners[spelling] = value;
            _changed = true;
        }
    }

    /// <summary>Best effort: a cache that cannot be written only costs the next build the full read.</summary>
    public void Save()
    {
        if (!_changed)
            return;
        var sorted = new SortedDictionary<string, string>(_owners, StringComparer.Ordinal);
        var temp = $"{_path}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(temp, JsonSerializer.Serialize(new Answers(_state, sorted), DpkgOwnerJson.Default.Answers));
            File.Move(temp, _path, overwrite: true);
            _changed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static string State(string dpkgRoot)
    {
        var status = new FileInfo(Path.Combine(dpkgRoot, "status"));
        var info = new DirectoryInfo(Path.Combine(dpkgRoot, "info"));
        return $"{Path.GetFullPath(dpkgRoot)}|{status.Length}|{status.LastWriteTimeUtc.Ticks}|{(info.Exists ? info.LastWriteTimeUtc.Ticks : 0)}";
    }

    internal sealed record Answers(string State, IDictionary<string, string> Owners);

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSerializable(typeof(Answers))]
    private sealed partial class DpkgOwnerJson : JsonSerializerContext;
}
