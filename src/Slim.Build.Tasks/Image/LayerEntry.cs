namespace Slim.Build.Tasks.Image;

internal enum LayerEntryKind { File, Directory, Symlink }

/// <summary>
/// One entry of an image layer as it will be in the image: its path ('/' separators, no leading '/',
/// e.g. "usr/lib/x86_64-linux-gnu/libc.so.6"), its kind and permission bits (0755, 0644, 01777 for /tmp),
/// and where its bytes come from: a file on disk, or content Slim writes (/etc/passwd), or a link target.
/// Owner, group and time are not here: every entry is owned by 0:0 with empty names and stamped with the
/// image's one epoch, so the same inputs give the same layer digest on any machine.
/// </summary>
internal sealed record LayerEntry(string Path, LayerEntryKind Kind, int Mode, string? SourceFile = null, byte[]? Content = null, string? LinkTarget = null)
{
    public const int Executable = 0x1ED; // 0755
    public const int Regular = 0x1A4;    // 0644

    public static LayerEntry FromFile(string path, string sourceFile, bool executable) =>
        new(Normalize(path), LayerEntryKind.File, executable ? Executable : Regular, SourceFile: sourceFile);

    public static LayerEntry FromText(string path, string text, int mode = Regular) =>
        new(Normalize(path), LayerEntryKind.File, mode, Content: System.Text.Encoding.UTF8.GetBytes(text));

    public static LayerEntry Folder(string path, int mode = Executable) => new(Normalize(path), LayerEntryKind.Directory, mode);

    public static LayerEntry Link(string path, string target) => new(Normalize(path), LayerEntryKind.Symlink, 0x1FF, LinkTarget: target);

    /// <summary>"/usr/lib/" -> "usr/lib": how layer paths are compared and sorted.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').Trim('/');
}
