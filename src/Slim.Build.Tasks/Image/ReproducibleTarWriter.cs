using System.Text;
using ICSharpCode.SharpZipLib.Tar;

namespace Slim.Build.Tasks.Image;

/// <summary>
/// A tar stream whose bytes depend only on what is added: every header field is set here (SharpZipLib's
/// defaults are the user "user", the group "None" and the current time), owner 0:0 with empty names, the
/// one epoch as mtime, the mode as given, and no PAX headers. A path longer than 100 bytes gets a GNU
/// long-name block (<c>././@LongLink</c>, type L), which GNU tar, Go's archive/tar (podman, skopeo) and
/// SharpZipLib read. The caller adds entries in the order they must appear.
/// </summary>
internal sealed class ReproducibleTarWriter : IDisposable
{
    public const int DirectoryMode = 0x1ED; // 0755
    public const int FileMode = 0x1A4;      // 0644

    /// <summary>The name field's size; a longer symlink target has no portable form in SharpZipLib's output.</summary>
    public const int MaximumLinkTargetBytes = 100;

    private readonly TarOutputStream _tar;
    private readonly DateTime _modTime;

    public ReproducibleTarWriter(Stream output, ImageEpoch epoch)
    {
        _tar = new TarOutputStream(output, Encoding.UTF8) { IsStreamOwner = false };
        _modTime = epoch.Time.UtcDateTime;
    }

    /// <summary>"usr/lib" is written as "usr/lib/", the form GNU tar and docker save use for folders.</summary>
    public void AddDirectory(string path, int mode) =>
        Put(Header(path.TrimEnd('/') + "/", TarHeader.LF_DIR, mode, 0, ""));

    public void AddSymlink(string path, string target, int mode = 0x1FF)
    {
        if (Encoding.UTF8.GetByteCount(target) > MaximumLinkTargetBytes)
            throw new ArgumentException($"The symlink '{path}' points at a target longer than {MaximumLinkTargetBytes} bytes ('{target}'), which this tar writer cannot store.", nameof(target));
        Put(Header(path, TarHeader.LF_SYMLINK, mode, 0, target));
    }

    /// <summary>Copies <paramref name="size"/> bytes from <paramref name="content"/>; fewer or more is an error, never a short entry.</summary>
    public void AddFile(string path, int mode, long size, Stream content)
    {
        Put(Header(path, TarHeader.LF_NORMAL, mode, size, ""));
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while (copied < size && (read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, size - copied))) > 0)
        {
            _tar.Write(buffer, 0, read);
            copied += read;
        }
        if (copied != size || content.ReadByte() != -1)
            throw new IOException($"'{path}' changed while it was written to the layer: expected {size} bytes.");
        _tar.CloseEntry();
    }

    public void AddFile(string path, int mode, byte[] content) => AddFile(path, mode, content.Length, new MemoryStream(content, writable: false));

    /// <summary>Writes the two end blocks and pads to the record size; the stream beneath stays open.</summary>
    public void Dispose() => _tar.Dispose();

    private void Put(TarHeader header)
    {
        _tar.PutNextEntry(new TarEntry(header));
        if (header.TypeFlag != TarHeader.LF_NORMAL)
            _tar.CloseEntry();
    }

    private TarHeader Header(string name, byte type, int mode, long size, string linkName) => new()
    {
        Name = name,
        TypeFlag = type,
        Mode = mode,
        Size = size,
        LinkName = linkName,
        UserId = 0,
        GroupId = 0,
        UserName = "",
        GroupName = "",
        ModTime = _modTime,
    };
}
