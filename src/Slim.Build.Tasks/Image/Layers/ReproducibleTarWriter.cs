using System.Text;
using ICSharpCode.SharpZipLib.Tar;

namespace Slim.Build.Tasks.Image.Layers;

/// <summary>
/// A tar stream whose bytes depend only on what is added: every header field is set here (SharpZipLib's
/// defaults are the user "user", the group "None" and the current time), the owner as given (0:0 unless the
/// entry says otherwise) with empty names, the one epoch as mtime, the mode as given, and no PAX headers. A path or symlink target longer than 100 bytes
/// (UTF-8) is preceded by a GNU <c>././@LongLink</c> record (type L for the path, K for the target), which
/// GNU tar and Go's archive/tar (podman, skopeo) read, and SharpZipLib for L. Slim writes these records
/// itself: SharpZipLib 1.4.2's own L record throws on non-ASCII names and stamps no time. The caller adds
/// entries in the order they must appear.
/// </summary>
internal sealed class ReproducibleTarWriter : IDisposable
{
    public const int DirectoryMode = 0x1ED; // 0755
    public const int FileMode = 0x1A4;      // 0644

    /// <summary>The size of a header's name and link name fields; longer ones go in a long-name record first.</summary>
    public const int NameFieldBytes = 100;

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>A tar block: every header, and the unit file contents are padded to.</summary>
    private const int BlockSize = 512;

    /// <summary>The stream ends padded to a whole record of 20 blocks, as GNU tar's default blocking factor (and SharpZipLib) write it.</summary>
    private const int RecordSize = 20 * BlockSize;

    private static readonly byte[] Zeros = new byte[RecordSize];

    private readonly Stream _output;
    private readonly DateTime _modTime;
    private readonly byte[] _header = new byte[BlockSize];
    private long _written;

    // SharpZipLib's TarOutputStream copies every 512-byte block through its own buffers, one call each: for a 50 MB
    // image archive that was half the image step. Headers are still SharpZipLib's (TarHeader.WriteHeader); the bytes
    // between them go straight to the stream.
    public ReproducibleTarWriter(Stream output, ImageEpoch epoch)
    {
        _output = output;
        _modTime = epoch.Time.UtcDateTime;
    }

    /// <summary>"usr/lib" is written as "usr/lib/", the form GNU tar and docker save use for folders.</summary>
    public void AddDirectory(string path, int mode, int userId = 0, int groupId = 0) =>
        Put(Header(path.TrimEnd('/') + "/", TarHeader.LF_DIR, mode, 0, "", userId, groupId));

    public void AddSymlink(string path, string target, int mode = 0x1FF, int userId = 0, int groupId = 0) =>
        Put(Header(path, TarHeader.LF_SYMLINK, mode, 0, target, userId, groupId));

    /// <summary>Copies <paramref name="size"/> bytes from <paramref name="content"/>; fewer or more is an error, never a short entry.</summary>
    public void AddFile(string path, int mode, long size, Stream content, int userId = 0, int groupId = 0)
    {
        Put(Header(path, TarHeader.LF_NORMAL, mode, size, "", userId, groupId));
        var buffer = new byte[1 << 17];
        long copied = 0;
        int read;
        while (copied < size && (read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, size - copied))) > 0)
        {
            Write(buffer.AsSpan(0, read));
            copied += read;
        }
        if (copied != size || content.ReadByte() != -1)
            throw new IOException($"'{path}' changed while it was written to the layer: expected {size} bytes.");
        PadTo(BlockSize);
    }

    public void AddFile(string path, int mode, byte[] content, int userId = 0, int groupId = 0)
    {
        Put(Header(path, TarHeader.LF_NORMAL, mode, content.Length, "", userId, groupId));
        Write(content);
        PadTo(BlockSize);
    }

    /// <summary>Writes the two end blocks and pads to the record size; the stream beneath stays open.</summary>
    public void Dispose()
    {
        Write(Zeros.AsSpan(0, 2 * BlockSize));
        PadTo(RecordSize);
        _output.Flush();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _written += bytes.Length;
    }

    private void PadTo(int unit)
    {
        if (_written % unit is var over and > 0)
            Write(Zeros.AsSpan(0, unit - (int)over));
    }

    private void Put(TarHeader header)
    {
        // The cut name must not end in '/': SharpZipLib would then take a file for a folder and refuse its bytes.
        if (Utf8.GetByteCount(header.Name) > NameFieldBytes)
            header.Name = WriteLongRecord(TarHeader.LF_GNU_LONGNAME, header.Name).TrimEnd('/');
        if (Utf8.GetByteCount(header.LinkName) > NameFieldBytes)
            header.LinkName = WriteLongRecord(TarHeader.LF_GNU_LONGLINK, header.LinkName);
        header.WriteHeader(_header, Utf8);
        Write(_header);
    }

    /// <summary>Writes the full value as a GNU long-name record; returns what the header's own field keeps: its first 100 bytes, cut between characters.</summary>
    private string WriteLongRecord(byte type, string value)
    {
        var bytes = Utf8.GetBytes(value + "\0");
        Header("././@LongLink", type, FileMode, bytes.Length, "").WriteHeader(_header, Utf8);
        Write(_header);
        Write(bytes);
        PadTo(BlockSize);
        var kept = new StringBuilder();
        var keptBytes = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if ((keptBytes += rune.Utf8SequenceLength) > NameFieldBytes)
                break;
            kept.Append(rune.ToString());
        }
        return kept.ToString();
    }

    private TarHeader Header(string name, byte type, int mode, long size, string linkName, int userId = 0, int groupId = 0) => new()
    {
        Name = name,
        TypeFlag = type,
        Mode = mode,
        Size = size,
        LinkName = linkName,
        UserId = userId,
        GroupId = groupId,
        UserName = "",
        GroupName = "",
        ModTime = _modTime,
    };
}
