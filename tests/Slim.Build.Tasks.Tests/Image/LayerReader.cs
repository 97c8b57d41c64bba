using System.Text;
using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Tar;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>Reads a written layer back with SharpZipLib: every header as it is in the tar, and each file's bytes.</summary>
internal static class LayerReader
{
    public sealed record Entry(string Name, byte Type, int Mode, int UserId, int GroupId, string UserName, string GroupName, DateTime ModTime, string LinkName, byte[] Content);

    public static List<Entry> Read(string layerPath, bool gzip = true)
    {
        using var file = File.OpenRead(layerPath);
        using Stream input = gzip ? new GZipInputStream(file) : file;
        using var tar = new TarInputStream(input, Encoding.UTF8);
        var entries = new List<Entry>();
        while (tar.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            tar.CopyEntryContents(content);
            var h = entry.TarHeader;
            entries.Add(new Entry(h.Name, h.TypeFlag, h.Mode, h.UserId, h.GroupId, h.UserName, h.GroupName, h.ModTime, h.LinkName, content.ToArray()));
        }
        return entries;
    }

    public static byte[] Gunzip(string layerPath)
    {
        using var input = new GZipInputStream(File.OpenRead(layerPath));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
