using Slim.Build.Tasks.Image.Layers;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// Reads a base layer once, as a stream, without unpacking anything to disk: every entry is checked by
/// <see cref="LayerEntryRules"/> (an error names the layer and the entry), and the pass yields the layer's
/// diffID, sizes, dpkg status files and glibc release. The blob itself is later copied into the image unchanged.
/// </summary>
internal sealed partial class BaseLayerScanner(string reference, IDiagnostics diagnostics)
{
    private const string StatusFile = "var/lib/dpkg/status";
    private const int MaxReportedEntries = 5;

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(\.\d+)?)\0", RegexOptions.CultureInvariant)]
    private static partial Regex GlibcSymbolVersion();

    [GeneratedRegex(@"^libc-(\d+\.\d+)\.so$", RegexOptions.CultureInvariant)]
    private static partial Regex OldLibcName();

    public static bool IsSupported(string mediaType) => mediaType is MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip;

    /// <returns>Null after reporting a refused or unreadable layer.</returns>
    public BaseLayerScan? Scan(string blobPath, string digest)
    {
        var dpkg = new Dictionary<string, string?>(StringComparer.Ordinal);
        var osRelease = new Dictionary<string, string?>(StringComparer.Ordinal);
        Version? glibc = null;
        long contentSize = 0;
        var refused = 0;
        string diffId;
        long uncompressed;
        try
        {
            using var file = new FileStream(blobPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var tarStream = new HashingReadStream(new GZipStream(file, CompressionMode.Decompress));
            using (var reader = new TarReader(tarStream, leaveOpen: true))
                while (reader.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
                        continue;
                    var problem = LayerEntryRules.Check(entry.Name, entry.EntryType, entry.LinkName);
                    if (problem != LayerEntryProblem.None)
                    {
                        Report(problem, digest, entry);
                        if (++refused >= MaxReportedEntries)
                            return null;
                        continue;
                    }
                    var path = LayerEntryRules.Relative(entry.Name).TrimEnd('/');
                    if (LayerTar.IsRegularFile(entry.EntryType))
                    {
                        contentSize += entry.Length;
                        if (IsDpkgStatus(path))
                            dpkg[path] = ReadText(entry);
                        else if (OsReleasePaths.Contains(path))
                            osRelease[path] = ReadText(entry);
                        else if (Path.GetFileName(path) == "libc.so.6")
                            glibc = Max(glibc, NewestSymbolVersion(entry));
                    }
                    if (OldLibcVersion(path, entry) is { } old)
                        glibc = Max(glibc, old);
                    if (Whiteout.Target(path) is { } removed && IsDpkgStatus(removed))
                        dpkg[removed] = null;
                    // Debian's etc/os-release is a link to ../usr/lib/os-release: a link, or a whiteout, hides an earlier text.
                    if (!LayerTar.IsRegularFile(entry.EntryType) && OsReleasePaths.Contains(path))
                        osRelease[path] = null;
                    if (Whiteout.Target(path) is { } gone && OsReleasePaths.Contains(gone))
                        osRelease[gone] = null;
                }
            diffId = tarStream.DrainAndDigest();
            uncompressed = tarStream.BytesRead;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            diagnostics.Error(SlimDiagnostics.BaseLayerUnreadable, reference, digest, e.Message);
            return null;
        }
        return refused > 0 ? null : new BaseLayerScan(diffId, uncompressed, contentSize, dpkg, glibc) { OsRelease = osRelease };
    }

    private void Report(LayerEntryProblem problem, string digest, TarEntry entry)
    {
        switch (problem)
        {
            case LayerEntryProblem.UnsafePath:
                diagnostics.Error(SlimDiagnostics.BaseLayerUnsafePath, reference, digest, entry.Name);
                break;
            case LayerEntryProblem.LinkEscapes:
                diagnostics.Error(SlimDiagnostics.BaseLayerLinkEscapes, reference, digest,
                    entry.EntryType == TarEntryType.HardLink ? "hard link" : "symbolic link", entry.Name, entry.LinkName);
                break;
            default:
                diagnostics.Error(SlimDiagnostics.BaseLayerDeviceFile, reference, digest, entry.Name, entry.EntryType switch
                {
                    TarEntryType.CharacterDevice => "character device",
                    TarEntryType.BlockDevice => "block device",
                    _ => "named pipe (fifo)",
                });
                break;
        }
    }

    /// <summary>Where a distribution says what it is, the first one that holds a text winning (os-release(5)).</summary>
    public static readonly IReadOnlyList<string> OsReleasePaths = ["etc/os-release", "usr/lib/os-release"];

    public static bool IsDpkgStatus(string path) =>
        path == StatusFile || path.StartsWith(DpkgStatusFile.StatusFolder + "/", StringComparison.Ordinal) && !path.EndsWith(".md5sums", StringComparison.Ordinal);

    private static string ReadText(TarEntry entry)
    {
        if (entry.DataStream is null)
            return "";
        using var reader = new StreamReader(entry.DataStream, Encoding.UTF8, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>The newest GLIBC_x.y libc.so.6 defines: its release.</summary>
    private static Version? NewestSymbolVersion(TarEntry entry)
    {
        if (entry.DataStream is null)
            return null;
        using var bytes = new MemoryStream();
        entry.DataStream.CopyTo(bytes);
        var text = Encoding.Latin1.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        return GlibcSymbolVersion().Matches(text).Select(m => Version.Parse(m.Groups[1].Value)).DefaultIfEmpty().Max();
    }

    /// <summary>glibc before 2.34 is libc-2.31.so, which libc.so.6 links to.</summary>
    private static Version? OldLibcVersion(string path, TarEntry entry)
    {
        var name = Path.GetFileName(path) == "libc.so.6" && entry.EntryType == TarEntryType.SymbolicLink ? Path.GetFileName(entry.LinkName) : Path.GetFileName(path);
        return OldLibcName().Match(name) is { Success: true } m ? Version.Parse(m.Groups[1].Value) : null;
    }

    private static Version? Max(Version? a, Version? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
