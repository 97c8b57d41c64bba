using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// Keeps written layer blobs under obj/.../slim/image/, keyed by what they are made from (each entry's path,
/// kind, mode, link and owner, and the SHA-256 of its bytes) and how they are compressed
/// (<see cref="LayerWriter.Format"/>), so an unchanged base or runtime layer is not compressed again on the next
/// publish. Bytes, not file times: ILLink rewrites every trimmed assembly on each trim, mostly to the same bytes, and
/// hashing a layer's files costs milliseconds where compressing them costs seconds (this machine's installed files,
/// whose size and write time are unchanged, are not even read again: <see cref="Files.FileHashMemo"/>). A hit gives the very same blob.
/// Layers made from this machine's files only (the auto base, the shared runtime) go to a folder every
/// project shares, when one is given, so a second project with the same needs reuses the first one's blob.
/// A project's layers that change rarely (a self-contained app's runtime, its NuGet packages) go to a subfolder of
/// it, <see cref="ProjectLayersFolder"/>: a clean publish (obj/ removed, as in CI) finds them there instead of
/// compressing them again. Their key holds every byte, so a blob found is the one the project's files make,
/// whichever project wrote it. Each publish that uses one marks it; one not used for <see cref="UnusedDays"/>
/// days is deleted when a new one is written. The app's own layer, new on every code change, stays under obj/.
/// Safe for several writers at once: each writes its own temporary file and renames it into place.
/// </summary>
/// <param name="machineDirectory">The per-user folder for machine-wide layers, e.g. ~/.cache/slim/layers; null: none.</param>
internal sealed partial class LayerCache(string directory, LayerWriter writer, string? machineDirectory = null)
{
    /// <summary>
    /// The hashes of this machine's files (the shared runtime, the libraries of the auto base), which are installed, not
    /// rebuilt, so a file whose size and write time are unchanged is not read again (<see cref="Files.FileHashMemo"/>).
    /// The project's own files are always read: ILLink and the compiler rewrite them, and a key must see their bytes.
    /// </summary>
    private readonly Files.FileHashMemo _machineHashes = new(machineDirectory is null ? null : Path.Combine(machineDirectory, HashMemoFile));
    private readonly Files.FileHashMemo _projectHashes = new(null);

    // Not *.json: the push step reads every *.json of a layer folder as a blob's record.
    public const string HashMemoFile = "file-hashes.memo";

    /// <summary>The per-user folder's subfolder for projects' rarely changing layers.</summary>
    public const string ProjectLayersFolder = "projects";

    /// <summary>A project layer's blob not used by any publish for this many days is deleted when another is written.</summary>
    public const int UnusedDays = 30;

    /// <returns>Null when there is no per-user folder.</returns>
    public static string? ProjectFolder(string? machineDirectory) => machineDirectory is null ? null : Path.Combine(machineDirectory, ProjectLayersFolder);

    /// <summary>$XDG_CACHE_HOME/slim/layers, else ~/.cache/slim/layers; null when neither is known.</summary>
    public static string? UserDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return cache is null ? null : Path.Combine(cache, "slim", "layers");
    }

    /// <summary>
    /// Why the shared folder cannot hold blobs (a file where the folder should be, a read-only disk, a HOME that cannot
    /// be written), or null when a file can be written there.
    /// </summary>
    public static string? WhyNotWritable(string machineDirectory)
    {
        try
        {
            Directory.CreateDirectory(machineDirectory);
            var probe = Path.Combine(machineDirectory, $".slim-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message.TrimEnd('.');
        }
    }

    /// <param name="machineWide">The entries come from this machine's files only, so the blob may live in the shared folder.</param>
    /// <param name="keptPerUser">The project's own files that change rarely: the blob lives in <see cref="ProjectFolder"/>.</param>
    public LayerBlob Write(IReadOnlyList<LayerEntry> entries, string epochKey, bool machineWide = false, bool keptPerUser = false)
    {
        var shared = machineWide && machineDirectory is not null;
        var hashes = shared ? _machineHashes : _projectHashes;
        var key = Key(entries, writer.Format + "\n" + epochKey, hashes);
        hashes.Save();
        var perUser = !shared && keptPerUser && machineDirectory is not null;
        var folder = shared ? machineDirectory! : perUser ? ProjectFolder(machineDirectory)! : directory;
        var blobPath = Path.Combine(folder, key + ".tar.gz");
        var recordPath = Path.Combine(folder, key + ".json");
        if (TryRead(blobPath, recordPath) is { } cached)
        {
            if (perUser)
                MarkUsed(recordPath);
            return cached;
        }
        Directory.CreateDirectory(folder);
        var blob = writer.Write(entries, blobPath);
        var temp = $"{recordPath}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(blob, LayerCacheJson.Default.LayerBlob));
        File.Move(temp, recordPath, overwrite: true);
        if (perUser)
            DeleteUnused(folder, DateTime.UtcNow.AddDays(-UnusedDays));
        return blob;
    }

    /// <summary>A record's write time is when a publish last used its blob; a cache that cannot be written is still read.</summary>
    private static void MarkUsed(string recordPath)
    {
        try
        {
            File.SetLastWriteTimeUtc(recordPath, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes the project layers no publish used since <paramref name="usedBefore"/>: the record first, so no reader takes a blob going away.</summary>
    private static void DeleteUnused(string folder, DateTime usedBefore)
    {
        foreach (var record in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(record) >= usedBefore)
                    continue;
                File.Delete(record);
                File.Delete(record[..^".json".Length] + ".tar.gz");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// Deletes a blob found damaged, and its record, when it is one of the cache's with these folders (the project's,
    /// the per-user one, its <see cref="ProjectLayersFolder"/>).
    /// </summary>
    /// <returns>False for any other file, which is not the cache's to delete.</returns>
    public static bool TryDiscard(string blobPath, string directory, string? machineDirectory)
    {
        var full = Path.GetFullPath(blobPath);
        if (!full.EndsWith(".tar.gz", StringComparison.Ordinal)
            || !new[] { directory, machineDirectory, ProjectFolder(machineDirectory) }.OfType<string>().Any(f => string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)))
            return false;
        File.Delete(full);
        File.Delete(full[..^".tar.gz".Length] + ".json");
        return true;
    }

    private static LayerBlob? TryRead(string blobPath, string recordPath)
    {
        try
        {
            return File.Exists(blobPath) && File.Exists(recordPath)
                   && JsonSerializer.Deserialize(File.ReadAllText(recordPath), LayerCacheJson.Default.LayerBlob) is { } cached
                   && new FileInfo(blobPath).Length == cached.Size
                ? cached with { Path = blobPath }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Key(IReadOnlyList<LayerEntry> entries, string epochKey, Files.FileHashMemo hashes)
    {
        var text = new StringBuilder(epochKey).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(entry.Path).Append('|').Append(entry.Kind).Append('|').Append(entry.Mode).Append('|').Append(entry.LinkTarget).Append('|')
                .Append(entry.UserId).Append(':').Append(entry.GroupId).Append('|');
            if (entry.SourceFile is { } source)
                text.Append(hashes.Sha256(source));
            else if (entry.Content is { } content)
                text.Append(Convert.ToHexString(SHA256.HashData(content)));
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant()[..32];
    }

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(LayerBlob))]
    private sealed partial class LayerCacheJson : JsonSerializerContext;
}
