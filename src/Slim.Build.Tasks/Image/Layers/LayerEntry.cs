namespace Slim.Build.Tasks.Image.Layers;

internal enum LayerEntryKind { File, Directory, Symlink }

/// <summary>
/// One entry of an image layer as it will be in the image: its path ('/' separators, no leading '/',
/// e.g. "usr/lib/x86_64-linux-gnu/libc.so.6"), its kind and permission bits (0755, 0644, 01777 for /tmp),
/// where its bytes come from (a file on disk, content Slim writes such as /etc/passwd, or a link target),
/// and its numeric owner: 0:0 for everything but what a base gives its non-root user (/home/app, 1654:1654).
/// Owner names and time are not here: names are empty and every entry has the image's one epoch, so the
/// same inputs give the same layer digest on any machine.
/// </summary>
internal sealed record LayerEntry(string Path, LayerEntryKind Kind, int Mode, string? SourceFile = null, byte[]? Content = null, string? LinkTarget = null,
    int UserId = 0, int GroupId = 0)
{
    public const int Executable = 0x1ED; // 0755
    public const int Regular = 0x1A4;    // 0644

    public static LayerEntry FromFile(string path, string sourceFile, bool executable) =>
        new(Normalize(path), LayerEntryKind.File, executable ? Executable : Regular, SourceFile: sourceFile);

    public static LayerEntry FromText(string path, string text, int mode = Regular) =>
        new(Normalize(path), LayerEntryKind.File, mode, Content: System.Text.Encoding.UTF8.GetBytes(text));

    public static LayerEntry Folder(string path, int mode = Executable) => new(Normalize(path), LayerEntryKind.Directory, mode);

    /// <summary>A folder a non-root user owns, such as its home.</summary>
    public static LayerEntry OwnedFolder(string path, int mode, int userId, int groupId) =>
        new(Normalize(path), LayerEntryKind.Directory, mode, UserId: userId, GroupId: groupId);

    public static LayerEntry Link(string path, string target) => new(Normalize(path), LayerEntryKind.Symlink, 0x1FF, LinkTarget: target);

    /// <summary>"/usr/lib/" -> "usr/lib": how layer paths are compared and sorted.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').Trim('/');
}
