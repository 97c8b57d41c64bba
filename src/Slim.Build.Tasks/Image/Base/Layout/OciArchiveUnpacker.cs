using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// Turns an OCI layout archive (oci-archive:, Slim's own image.tar) into a layout folder under Slim's state
/// folder. Only the layout's own members are written (oci-layout, index.json, blobs/sha256/&lt;64 hex&gt;, as
/// regular files); any other entry is skipped, so an archive cannot write anywhere else. An archive unpacked
/// before (same path, size and time) is reused; its blobs are verified on every read all the same. Earlier
/// copies are removed.
/// </summary>
internal static partial class OciArchiveUnpacker
{
    [GeneratedRegex("^blobs/sha256/[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobName();

    private const string Done = ".slim-unpacked";

    /// <param name="workDirectory">obj/.../slim/image/: the folder goes under base/.</param>
    /// <exception cref="InvalidDataException">Not a tar.</exception>
    public static string Unpack(string archive, string workDirectory)
    {
        var info = new FileInfo(archive);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")))
            .ToLowerInvariant()[..16];
        var folder = Path.Combine(workDirectory, "base", key);
        if (File.Exists(Path.Combine(folder, Done)))
            return folder;
        var temp = folder + ".slim-tmp";
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(Path.Combine(temp, "blobs", "sha256"));
        foreach (var (name, entry) in ImageArchiveReader.Members(archive))
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || !(name is "oci-layout" or "index.json" || BlobName().IsMatch(name)))
                continue;
            using var output = File.Create(Path.Combine(temp, name));
            entry.DataStream?.CopyTo(output);
        }
        File.WriteAllText(Path.Combine(temp, Done), info.FullName);
        // An archive that changed leaves its earlier copy behind: one project has one base.
        foreach (var stale in Directory.EnumerateDirectories(Path.Combine(workDirectory, "base")).Where(d => d != temp))
            Directory.Delete(stale, recursive: true);
        Directory.Move(temp, folder);
        return folder;
    }
}
