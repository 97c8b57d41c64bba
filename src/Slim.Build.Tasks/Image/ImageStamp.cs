using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// What the last image was made from and what it wrote, so that a publish that changed none of it does not make the
/// image again (issue 29: an unchanged republish spends next to nothing in Slim). The key holds the step's settings,
/// the state files it reads (container.json, needs.json, settings.json, the ledger, the SBOM request, the package
/// lock) by their bytes and the publish folder by each file's size and write time; the stamp adds every file of this
/// machine the layers were made from (the shared runtime, the package base's unpacked files, the added CAs) with the
/// folders they sit in, and every file the step wrote (the archive, the SBOM, the layer blobs a push reads). Any of
/// them changed, added or gone, and the image is made again. Kept as plain lines (obj/.../slim/image.stamp): reading
/// it must cost less than what it saves.
/// </summary>
internal sealed class ImageStamp
{
    private const string KeyLine = "key\t";
    private readonly string _file;

    public ImageStamp(string file) => _file = file;

    /// <param name="settings">Every value the image depends on besides files (task parameters, environment variables).</param>
    /// <param name="contentFiles">Small files read whole: hashed by their bytes; a missing one counts as such.</param>
    /// <param name="listedFolder">The publish folder, or null: each file by relative path, size and write time.</param>
    /// <param name="listedFiles">The files of the folder that count (a shared -o folder's own files); null: all of them.</param>
    public static string Key(IEnumerable<string> settings, IEnumerable<string> contentFiles, string? listedFolder, IReadOnlyCollection<string>? listedFiles)
    {
        var text = new StringBuilder();
        foreach (var setting in settings)
            text.Append("setting ").Append(setting).Append('\n');
        foreach (var file in contentFiles)
            text.Append("content ").Append(file).Append(' ')
                .Append(File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "missing").Append('\n');
        if (listedFolder is not null && Directory.Exists(listedFolder))
        {
            var files = listedFiles?.Select(f => Path.Combine(listedFolder, f))
                ?? Directory.EnumerateFiles(listedFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var file in files)
                text.Append("listed ").Append(State(file)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <returns>True when the stamp was recorded under <paramref name="key"/> and every file and folder it watches is as it was.</returns>
    public bool Holds(string key)
    {
        if (!File.Exists(_file))
            return false;
        try
        {
            using var reader = new StreamReader(_file);
            if (reader.ReadLine() is not { } first || first != KeyLine + key)
                return false;
            while (reader.ReadLine() is { } line)
                if (line.Length > 0 && State(line[..line.IndexOf('\t')]) != line)
                    return false;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <param name="watched">Files and folders the image was made from, besides those the key holds.</param>
    /// <param name="written">What the step wrote and later steps read.</param>
    public void Record(string key, IEnumerable<string> watched, IEnumerable<string> written)
    {
        var paths = new SortedSet<string>(watched, StringComparer.Ordinal);
        paths.UnionWith(written);
        if (paths.Any(p => p.Contains('\t') || p.Contains('\n')))
        {
            // A path a line cannot hold: no stamp, the image is made every time.
            Forget();
            return;
        }
        var text = new StringBuilder(KeyLine).Append(key).Append('\n');
        foreach (var path in paths)
            text.Append(State(path)).Append('\n');
        AtomicFile.WriteAllText(_file, text.ToString());
    }

    /// <summary>Forgets the stamp: the next publish makes the image.</summary>
    public void Forget()
    {
        if (File.Exists(_file))
            File.Delete(_file);
    }

    /// <summary>
    /// The files, their folders and their folders' folders: a framework version installed beside the one taken
    /// (shared/Microsoft.NETCore.App/10.0.2), a library added next to one, changes them.
    /// </summary>
    public static IEnumerable<string> WithFolders(IReadOnlyCollection<string> files)
    {
        var folders = files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return files.Concat(folders).Concat(folders.Select(Path.GetDirectoryName).OfType<string>());
    }

    /// <summary>Every file and folder under <paramref name="folders"/>, and the folders themselves (missing ones too).</summary>
    public static IEnumerable<string> Trees(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            yield return folder;
            if (Directory.Exists(folder))
                foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
                    yield return entry;
        }
    }

    /// <summary>"path\tsize\twrite ticks" for a file, "path\tfolder\tticks" for a folder, "path\tmissing" for neither.</summary>
    private static string State(string path)
    {
        var file = new FileInfo(path);
        if (file.Exists)
            return $"{path}\t{file.Length.ToString(CultureInfo.InvariantCulture)}\t{file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}";
        var folder = new DirectoryInfo(path);
        return folder.Exists ? $"{path}\tfolder\t{folder.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}" : $"{path}\tmissing";
    }
}
