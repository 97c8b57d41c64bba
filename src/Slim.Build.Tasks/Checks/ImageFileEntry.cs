namespace Slim.Build.Tasks.Checks;

internal enum ImageEntryKind { File, Directory, Symlink, HardLink, Other }

/// <summary>
/// One path of the image's merged filesystem, as the top-most layer that holds it wrote it.
/// </summary>
/// <param name="Path">Relative, '/' separated, no leading '/': "usr/lib/x86_64-linux-gnu/libc.so.6".</param>
/// <param name="Mode">Permission bits with setuid (04000), setgid (02000) and sticky (01000).</param>
/// <param name="LinkTarget">A symlink's target as written, or a hard link's path in the image.</param>
/// <param name="Layer">Which layer, 0 the bottom one.</param>
internal sealed record ImageFileEntry(string Path, ImageEntryKind Kind, int Mode, int Uid, long Size, string? LinkTarget, int Layer)
{
    public const int SetUid = 0x800;
    public const int SetGid = 0x400;
    public const int Sticky = 0x200;
    public const int OthersWrite = 0x2;

    public bool IsExecutable => (Mode & 0x49) != 0;

    public string Display => "/" + Path;
}
