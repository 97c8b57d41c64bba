using System.Text.Json;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// The gzipped sizes of a publish folder's files, kept between publishes in obj/.../slim/wire-sizes.json by the
/// SHA-256 of each file's bytes: a file whose bytes were measured before is not compressed again. A self-contained
/// app is mostly the runtime, which a code change leaves alone (ILLink rewrites every trimmed assembly, mostly to the
/// same bytes: times say nothing), so a republish compresses only what changed; hashing costs a few milliseconds
/// where compressing costs seconds. The kept sizes name the compressor (<see cref="WireSize.Format"/>): sizes from
/// another one are all measured again. The sizes are also kept by bytes alone in a per-user file shared by every
/// project (<paramref name="sharedFile"/>): a clean publish (obj/ removed, as a CI job starts) of files measured
/// before, by this project or another with the same runtime, compresses nothing again.
/// </summary>
/// <param name="sharedFile">e.g. ~/.cache/slim/wire-sizes.json; null: none. Several writers at once: the last whole file wins.</param>
/// <param name="outOfProcessBytes">From how many bytes <paramref name="gzipProgram"/> compresses a file.</param>
internal sealed class WireSizeCache(string? cacheFile, string? gzipProgram, string? sharedFile = null, long outOfProcessBytes = GzipProcessStream.OutOfProcessBytes)
{
    /// <summary>The sum of the files' gzipped sizes; the kept sizes are then those of exactly these files.</summary>
    public long Total(string directory, IEnumerable<string> relativePaths)
    {
        var kept = Load(cacheFile);
        var shared = Load(sharedFile).Values.GroupBy(k => k.Sha256).ToDictionary(g => g.Key, g => g.First().Wire, StringComparer.Ordinal);
        var sharedCount = shared.Count;
        var now = new Dictionary<string, KeptSize>(StringComparer.Ordinal);
        foreach (var path in relativePaths)
        {
            var full = Path.Combine(directory, path);
            var sha256 = FileSha256.Hex(full).ToLowerInvariant();
            now[path] = kept.TryGetValue(path, out var size) && size.Sha256 == sha256 ? size
                : shared.TryGetValue(sha256, out var wire) ? new KeptSize(sha256, wire)
                : new KeptSize(sha256, WireSize.Gzip(full, gzipProgram, outOfProcessBytes));
            shared.TryAdd(sha256, now[path].Wire);
        }
        if (cacheFile is not null)
            StateFile.Save(cacheFile, new KeptSizes(WireSize.Format, now.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)), WireSizeStateJson.Default.KeptSizes);
        // A cache never fails a publish: a shared file that cannot be written only keeps its old sizes.
        if (sharedFile is not null && shared.Count > sharedCount)
            try
            {
                StateFile.Save(sharedFile, new KeptSizes(WireSize.Format, shared.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => new KeptSize(p.Key, p.Value), StringComparer.Ordinal)), WireSizeStateJson.Default.KeptSizes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        return now.Values.Sum(s => s.Wire);
    }

    private static IReadOnlyDictionary<string, KeptSize> Load(string? file)
    {
        // A missing or damaged file loses only an estimate: measure again and write the file anew.
        return file is not null && StateFile.TryLoad(file, WireSizeStateJson.Default.KeptSizes) is { Files: not null } sizes && sizes.Format == WireSize.Format
            ? sizes.Files
            : new Dictionary<string, KeptSize>();
    }

    internal sealed record KeptSizes(string Format, Dictionary<string, KeptSize>? Files);

    internal sealed record KeptSize(string Sha256, long Wire);
}
