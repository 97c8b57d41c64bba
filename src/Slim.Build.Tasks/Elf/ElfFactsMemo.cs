using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Elf;

/// <summary>
/// What <see cref="ElfFile.TryRead(string)"/> found in files read before, kept per user by full path with the size and
/// write time (to the 100 ns) they had, as <see cref="Files.FileHashMemo"/> keeps hashes: the shared runtime's, this
/// machine's and the package base's libraries are read on every publish and never change. ELFSharp reads a library's
/// whole dynamic symbol table to give its sections: 1-20 ms a file, 40-80 ms a publish. Kept per Slim version (a Slim
/// that reads ELF files differently reads them again). A missing or damaged memo is an empty one.
/// </summary>
internal sealed partial class ElfFactsMemo
{
    private static readonly AsyncLocal<ElfFactsMemo?> Active = new();

    private static readonly string VersionTag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        typeof(ElfFactsMemo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "")))[..12].ToLowerInvariant();

    internal sealed record Known(long Length, long WriteTicks, ElfFile? Elf);

    private readonly string _memoFile;
    private Dictionary<string, Known>? _known;
    private bool _changed;

    private ElfFactsMemo(string memoFile) => _memoFile = memoFile;

    /// <summary>The memo that <see cref="ElfFile.TryRead(string)"/> consults in this task's flow, if any.</summary>
    public static ElfFactsMemo? Current => Active.Value;

    /// <summary>Makes the memo in <paramref name="root"/> (SlimCacheDirectory resolved) current until the result is disposed, which saves it.</summary>
    public static IDisposable Use(string root)
    {
        var memo = new ElfFactsMemo(Path.Combine(root, $"elf-facts.{VersionTag}.memo"));
        var previous = Active.Value;
        Active.Value = memo;
        return new Scope(memo, previous);
    }

    /// <returns>What <see cref="ElfFile.TryRead(string)"/> gives, from the memo when the file's size and write time are the ones seen then.</returns>
    public ElfFile? TryRead(string path, Func<string, ElfFile?> read)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            return read(path);
        var known = Load();
        var full = info.FullName;
        if (known.TryGetValue(full, out var entry) && entry.Length == info.Length && entry.WriteTicks == info.LastWriteTimeUtc.Ticks)
            return entry.Elf;
        var elf = read(path);
        // A file written while it was read gets a new write time: remember only what it held under the time seen before.
        if (new FileInfo(full) is { Exists: true } after && after.Length == info.Length && after.LastWriteTimeUtc == info.LastWriteTimeUtc)
        {
            known[full] = new Known(info.Length, info.LastWriteTimeUtc.Ticks, elf);
            _changed = true;
        }
        return elf;
    }

    private void Save()
    {
        if (!_changed || _known is null)
            return;
        try
        {
            // Files that are gone (an older runtime removed, a publish folder cleaned) leave the memo.
            StateFile.Save(_memoFile, _known.Where(k => File.Exists(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal)
                .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal), ElfFactsMemoJson.Default.DictionaryStringKnown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A memo that cannot be written costs the next publish the reads, nothing else.
        }
    }

    private Dictionary<string, Known> Load() =>
        _known ??= StateFile.TryLoad(_memoFile, ElfFactsMemoJson.Default.DictionaryStringKnown) is { } read
            ? new Dictionary<string, Known>(read.Where(k => k.Value is not null), StringComparer.Ordinal)
            : new Dictionary<string, Known>(StringComparer.Ordinal);

    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Dictionary<string, Known>))]
    private sealed partial class ElfFactsMemoJson : JsonSerializerContext;

    private sealed class Scope(ElfFactsMemo memo, ElfFactsMemo? previous) : IDisposable
    {
        public void Dispose()
        {
            memo.Save();
            Active.Value = previous;
        }
    }
}
