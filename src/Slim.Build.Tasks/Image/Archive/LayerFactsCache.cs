using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Image.Archive;

/// <summary>
/// What the steps after the image learned by decompressing a layer blob (its entries, its ELF files), kept per user
/// under the blob's digest: the blob's bytes decide those facts, so a layer every publish reuses (the base, the shared
/// runtime: most of an image's bytes) is read once, not once per publish. Facts are kept per Slim version, so a
/// Slim that reads a layer differently reads it again. A missing or damaged file is read again from the blob.
/// </summary>
/// <param name="directory">e.g. ~/.cache/slim/layer-facts; null keeps nothing.</param>
internal sealed partial class LayerFactsCache(string? directory)
{
    private static readonly string VersionTag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        typeof(LayerFactsCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "")))[..12].ToLowerInvariant();

    /// <summary>The facts of a layer every reader wants: its tar's records, whiteouts included, in order.</summary>
    public const string Entries = "entries";

    /// <summary>The cache in SlimCacheDirectory (empty: $XDG_CACHE_HOME/slim or ~/.cache/slim).</summary>
    public static LayerFactsCache In(string cacheDirectory)
    {
        var root = string.IsNullOrWhiteSpace(cacheDirectory)
            ? Layers.LayerCache.UserDirectory() is { } layers ? Path.GetDirectoryName(layers) : null
            : cacheDirectory.Trim();
        return new LayerFactsCache(root is null ? null : Path.Combine(root, "layer-facts"));
    }

    /// <param name="member">The layer's member in the archive: only a content-addressed one (blobs/sha256/&lt;hex&gt;) is kept.</param>
    /// <param name="kind">What the facts are, part of the file name ("entries", "elf-&lt;key&gt;").</param>
    public T? Recall<T>(string member, string kind, JsonTypeInfo<T> type) where T : class =>
        FileFor(member, kind) is { } file ? StateFile.TryLoad(file, type) : null;

    public void Remember<T>(string member, string kind, T facts, JsonTypeInfo<T> type)
    {
        if (FileFor(member, kind) is not { } file)
            return;
        try
        {
            Directory.CreateDirectory(directory!);
            StateFile.Save(file, facts, type);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next publish a read of the blob, nothing else.
        }
    }

    /// <summary>The kind under which a file's bytes are kept: its path, hashed to a file name.</summary>
    public static string FileKind(string path) =>
        "file-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16].ToLowerInvariant();

    /// <returns>Bytes kept by <see cref="RememberBytes"/>; null when none are, or when they no longer hash to what was kept.</returns>
    public byte[]? RecallBytes(string member, string kind)
    {
        if (FileFor(member, kind, "bin") is not { } file || !File.Exists(file))
            return null;
        try
        {
            var kept = File.ReadAllBytes(file);
            if (kept.Length < DigestBytes)
                return null;
            var bytes = kept[DigestBytes..];
            return SHA256.HashData(bytes).AsSpan().SequenceEqual(kept.AsSpan(0, DigestBytes)) ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps a file's bytes, led by their SHA-256, so that bytes damaged on disk are read again from the blob.</summary>
    public void RememberBytes(string member, string kind, byte[] bytes)
    {
        if (FileFor(member, kind, "bin") is not { } file)
            return;
        try
        {
            Directory.CreateDirectory(directory!);
            AtomicFile.WriteAllBytes(file, [.. SHA256.HashData(bytes), .. bytes]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As for the facts: a cache that cannot be written costs the next publish a read of the blob.
        }
    }

    private const int DigestBytes = 32;

    private string? FileFor(string member, string kind, string extension = "json")
    {
        if (directory is null || BlobMember().Match(member) is not { Success: true } match)
            return null;
        return Path.Combine(directory, $"{match.Groups[1].Value}.{kind}.{VersionTag}.{extension}");
    }

    [GeneratedRegex("^blobs/sha256/([0-9a-f]{64})$")]
    private static partial Regex BlobMember();
}
