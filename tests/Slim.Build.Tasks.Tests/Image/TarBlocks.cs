using System.Text;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>Walks a tar's 512-byte headers by hand, without a tar library that would hide PAX or long-name records.</summary>
internal static class TarBlocks
{
    public static List<char> HeaderTypes(byte[] tar)
    {
        var types = new List<char>();
        for (var offset = 0; offset + 512 <= tar.Length && tar[offset] != 0;)
        {
            var type = (char)tar[offset + 156];
            var sizeField = Encoding.ASCII.GetString(tar, offset + 124, 12).Trim('\0', ' ');
            var size = sizeField.Length == 0 ? 0 : Convert.ToInt64(sizeField, 8);
            types.Add(type);
            offset += 512 + (int)((size + 511) / 512 * 512);
        }
        return types;
    }
}
