using System.Text.Json;

namespace Slim.EndToEnd.Tests.Infrastructure;

internal static class Files
{
    public static long Size(string path) => new FileInfo(path).Length;

    public static long FolderSize(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(Size);

    public static string[] Relative(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    public static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static bool IsElf(string path)
    {
        var head = new byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }
}
