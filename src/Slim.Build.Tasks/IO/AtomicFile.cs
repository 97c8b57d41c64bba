using System.Text;

namespace Slim.Build.Tasks.IO;

/// <summary>Writes through a temporary file beside the target and a rename, so a failure never leaves half a file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static string TempPathFor(string path) => path + ".slim-tmp";

    public static void WriteAllText(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempPathFor(path);
        try
        {
            File.WriteAllText(temp, content, Utf8NoBom);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
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
