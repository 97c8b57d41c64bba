using System.Globalization;
using System.Text;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// The members of a Unix ar archive, the container a .deb is ("!&lt;arch&gt;\n", then per member a 60-byte header:
/// name, mtime, uid, gid, mode, decimal size, "`\n"; data padded to an even length).
/// </summary>
internal static class ArArchive
{
    private static readonly byte[] Magic = "!<arch>\n"u8.ToArray();

    /// <summary>Each member's name and its bytes, in archive order.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Members(Stream stream)
    {
        var magic = new byte[Magic.Length];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("it is not an ar archive (no !<arch> header)");
        var header = new byte[60];
        while (true)
        {
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == 0)
                yield break;
            if (read != header.Length || header[58] != '`' || header[59] != '\n')
                throw new InvalidDataException("an ar member header is cut short or damaged");
            var name = Encoding.ASCII.GetString(header, 0, 16).TrimEnd(' ').TrimEnd('/');
            if (!long.TryParse(Encoding.ASCII.GetString(header, 48, 10).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || size > int.MaxValue)
                throw new InvalidDataException($"the ar member '{name}' has no valid size");
            var content = new byte[size];
            if (stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false) != content.Length)
                throw new InvalidDataException($"the ar member '{name}' is cut short");
            if (size % 2 == 1)
                stream.ReadByte();
            yield return (name, content);
        }
    }
}
