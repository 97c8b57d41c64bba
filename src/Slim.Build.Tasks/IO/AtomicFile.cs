using System.Text;

namespace Slim.Build.Tasks.IO;

/// <summary>Writes through a temporary file beside the target and a rename, so a failure never leaves half a file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>The temporary file of a step's own copy (strip, UPX): one writer at a time, under the project's state lock.</summary>
    public static string TempPathFor(string path) => path + ".slim-tmp";

    /// <summary>A temporary file left by a publish that was killed mid-write is this old before a later write removes it.</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Each write has its own temporary file: two writers of one path (two publishes of a project at once) never
    /// write into the same temporary file, so the rename always moves a whole file into place.
    /// </summary>
    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Utf8NoBom.GetBytes(content));

    /// <inheritdoc cref="WriteAllText"/>
    public static void WriteAllBytes(string path, byte[] content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = $"{path}.{Guid.NewGuid():N}.slim-tmp";
        try
        {
            // No fsync: a reader takes a damaged file for an absent one and its step runs again, and on ext4 (data=ordered)
            // the first fsync after the image step waited for the 50 MB archive just written to reach the disk.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                stream.Write(content);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        RemoveAbandoned(folder, Path.GetFileName(path) + ".*.slim-tmp");
    }

    /// <summary>
    /// Removes the temporary files (*.slim-tmp) in <paramref name="folder"/> that a publish killed mid-write left there
    /// longer than <see cref="AbandonedAfter"/> ago; a fresh one may be another writer's and stays.
    /// </summary>
    public static void RemoveAbandoned(string folder)
    {
        if (Directory.Exists(folder))
            RemoveAbandoned(folder, "*.slim-tmp");
    }

    /// <summary>As <see cref="RemoveAbandoned(string)"/>, in the folder and every folder under it (a step's copies keep the publish folder's tree).</summary>
    public static void RemoveAbandonedUnder(string folder)
    {
        if (Directory.Exists(folder))
            RemoveAbandoned(folder, "*.slim-tmp", SearchOption.AllDirectories);
    }

    private static void RemoveAbandoned(string folder, string pattern, SearchOption search = SearchOption.TopDirectoryOnly)
    {
        foreach (var abandoned in Directory.EnumerateFiles(folder, pattern, search))
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(abandoned) > AbandonedAfter)
                    File.Delete(abandoned);
            }
            catch (IOException)
            {
                // Another publish removed it first.
            }
    }

    /// <summary>Returns true when the file was written; an identical file keeps its timestamp.</summary>
    public static bool WriteAllTextIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return false;
        WriteAllText(path, content);
        return true;
    }
}
